import { hedgehogConfigSchema, type HedgehogConfig } from "./hedgehog-schema";

type VersionTwo = Extract<HedgehogConfig, { version: 2 }>;
type Flat = Exclude<HedgehogConfig, { version: 2 }>;
type ActorOptions = NonNullable<VersionTwo["actor_options"]>;

/** Keys only the flat shape has: a patch that sends one speaks version 1. */
const FLAT_ONLY_KEYS = [
  "color", "skin", "accessories", "walking_enabled", "interactions_enabled", "controls_enabled", "ai_enabled", "fixed_direction",
] as const;

type Shape = "flat" | "v2" | "either";

function shapeOf(config: HedgehogConfig): Shape {
  if (config.version === 2) return "v2";
  return FLAT_ONLY_KEYS.some((key) => (config as Flat)[key] !== undefined) ? "flat" : "either";
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** PostHog's own client mapping: `walking_enabled` becomes `ai_enabled`, `fixed_direction` has no place. */
export function toVersionTwo(config: HedgehogConfig): VersionTwo {
  if (config.version === 2) return config;
  const { enabled, use_as_profile, party_mode_enabled, color, skin, accessories, walking_enabled, ai_enabled, interactions_enabled, controls_enabled } = config;
  const actor = withoutUndefined<ActorOptions>({ color, skin, accessories, ai_enabled: ai_enabled ?? walking_enabled, interactions_enabled, controls_enabled });
  return withoutUndefined<VersionTwo>({
    version: 2,
    enabled,
    use_as_profile,
    party_mode_enabled,
    actor_options: Object.keys(actor).length > 0 ? actor : undefined,
  });
}

export function toFlat(config: HedgehogConfig): Flat {
  if (config.version !== 2) return config;
  const { enabled, use_as_profile, party_mode_enabled, actor_options: actor = {} } = config;
  return withoutUndefined<Flat>({
    enabled,
    use_as_profile,
    party_mode_enabled,
    color: actor.color,
    skin: actor.skin,
    accessories: actor.accessories,
    walking_enabled: actor.ai_enabled,
    interactions_enabled: actor.interactions_enabled,
    controls_enabled: actor.controls_enabled,
  });
}

/** A stored value that is not a config (none yet, or cleared) merges as an empty one. */
export function readStoredHedgehogConfig(stored: unknown): HedgehogConfig {
  const parsed = hedgehogConfigSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Keys not sent are kept (in version 2, inside `actor_options` too); lists are replaced. The
 * result takes the shape the patch speaks, converting the stored config if needed, so a client
 * reads back the shape it writes; a patch of shared flags only keeps the stored shape.
 */
export function mergeHedgehogConfig(stored: unknown, patch: HedgehogConfig): HedgehogConfig {
  const base = readStoredHedgehogConfig(stored);
  const target = shapeOf(patch) === "either" ? shapeOf(base) : shapeOf(patch);
  if (target === "v2") {
    const from = toVersionTwo(base);
    const sent = toVersionTwo(patch);
    const actor = { ...from.actor_options, ...sent.actor_options };
    return withoutUndefined<VersionTwo>({ ...from, ...withoutUndefined(sent), actor_options: Object.keys(actor).length > 0 ? actor : undefined });
  }
  return { ...toFlat(base), ...withoutUndefined(toFlat(patch)) };
}
