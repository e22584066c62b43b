import { ACCESSORY_SLOTS, OFFERED_COLORS, SKIN_CHOICES, type AccessorySlot } from "./choices";
import type { HedgehogAccessory, HedgehogColor, HedgehogLook, HedgehogSkin, StoredHedgehogConfig } from "./look";
import type { HedgehogConfig } from "@/lib/users/hedgehog-schema";

/** What the page edits and sends: always the whole version-2 config. */
export interface HedgehogDraft {
  version: 2;
  enabled: boolean;
  use_as_profile: boolean;
  party_mode_enabled: boolean;
  actor_options: {
    id?: string;
    player?: boolean;
    skin: HedgehogSkin;
    color: HedgehogColor | null;
    accessories: HedgehogAccessory[];
    ai_enabled: boolean;
    interactions_enabled: boolean;
    controls_enabled: boolean;
  };
}

/**
 * PostHog's defaults, except keyboard control (single-key shortcuts would hijack typing) and,
 * for people who asked for reduced motion, walking.
 */
export function defaultDraft(reducedMotion = false): HedgehogDraft {
  return {
    version: 2,
    enabled: false,
    use_as_profile: false,
    party_mode_enabled: false,
    actor_options: {
      skin: "default",
      color: null,
      accessories: [],
      ai_enabled: !reducedMotion,
      interactions_enabled: true,
      controls_enabled: false,
    },
  };
}

/** A stored config of either shape (or `{}`) as the version-2 draft, converted as PostHog's client does. */
export function toDraft(stored: StoredHedgehogConfig | null | undefined, reducedMotion = false): HedgehogDraft {
  const base = defaultDraft(reducedMotion);
  if (!stored) return base;
  const flags = {
    enabled: stored.enabled ?? base.enabled,
    use_as_profile: stored.use_as_profile ?? base.use_as_profile,
    party_mode_enabled: stored.party_mode_enabled ?? base.party_mode_enabled,
  };
  if ("version" in stored && stored.version === 2) {
    const actor = stored.actor_options ?? {};
    return {
      version: 2,
      ...flags,
      actor_options: {
        ...base.actor_options,
        ...actor,
        skin: actor.skin ?? base.actor_options.skin,
        color: actor.color ?? null,
        accessories: actor.accessories ?? [],
      },
    };
  }
  const flat = stored as Extract<HedgehogConfig, { version?: undefined }>;
  return {
    version: 2,
    ...flags,
    actor_options: {
      skin: flat.skin ?? base.actor_options.skin,
      color: flat.color ?? null,
      accessories: flat.accessories ?? [],
      ai_enabled: flat.walking_enabled ?? flat.ai_enabled ?? base.actor_options.ai_enabled,
      interactions_enabled: flat.interactions_enabled ?? base.actor_options.interactions_enabled,
      controls_enabled: flat.controls_enabled ?? base.actor_options.controls_enabled,
    },
  };
}

export function slotOf(accessory: HedgehogAccessory): AccessorySlot {
  const slot = (Object.keys(ACCESSORY_SLOTS) as AccessorySlot[]).find((name) => ACCESSORY_SLOTS[name].includes(accessory));
  return slot ?? "other";
}

/** Puts `accessory` (or nothing) in `slot`, replacing what was there: at most one per slot, never repeated. */
export function withAccessory(accessories: readonly HedgehogAccessory[], slot: AccessorySlot, accessory: HedgehogAccessory | null): HedgehogAccessory[] {
  const kept = accessories.filter((item) => slotOf(item) !== slot);
  return accessory ? [...kept, accessory] : kept;
}

export function accessoryIn(accessories: readonly HedgehogAccessory[], slot: AccessorySlot): HedgehogAccessory | null {
  return accessories.find((item) => slotOf(item) === slot) ?? null;
}

export function sameDraft(a: HedgehogDraft, b: HedgehogDraft): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(draft: HedgehogDraft) {
  const { actor_options: actor, ...flags } = draft;
  return { ...flags, actor_options: { ...actor, accessories: [...actor.accessories].sort() } };
}

/** One random look: a skin, maybe a colour, and up to one accessory per slot. */
export function randomLook(random: () => number = Math.random): HedgehogLook {
  const pick = <T,>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("randomLook: nothing to pick from");
    return item;
  };
  const colors: (HedgehogColor | null)[] = [null, ...OFFERED_COLORS];
  const accessories = (Object.keys(ACCESSORY_SLOTS) as AccessorySlot[]).flatMap((slot) =>
    random() < 0.5 ? [pick(ACCESSORY_SLOTS[slot])] : [],
  );
  return { skin: pick(SKIN_CHOICES), color: pick(colors), accessories };
}
