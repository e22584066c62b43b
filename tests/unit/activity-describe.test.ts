import { describe, expect, it } from "vitest";
import { describeActivity } from "@/lib/activity/describe";
import { ACTIVITY_CATEGORIES, ACTIVITY_KINDS } from "@/lib/activity/kinds";
import { activityQuerySchema, type ActivityEntryDto } from "@/lib/activity/schemas";

const entry = (kind: ActivityEntryDto["kind"], details: ActivityEntryDto["details"] = {}, device: string | null = "Chrome on Mac OS"): ActivityEntryDto => ({
  id: 1,
  kind,
  created_at: "2026-12-01T10:00:00.000Z",
  ip: "192.0.2.1",
  device,
  session_id: null,
  session_active: false,
  details,
});

describe("describeActivity", () => {
  it.each<[ActivityEntryDto, string]>([
    [entry("two_factor_enabled"), "Two-factor authentication turned on from Chrome on Mac OS"],
    [entry("sign_in", { method: "totp" }), "Signed in with a password and an authenticator code from Chrome on Mac OS"],
    [entry("sign_in_failed", { reason: "wrong_code" }), "Sign-in refused: wrong two-factor code from Chrome on Mac OS"],
    [entry("session_revoked", { sessions: 3 }), "Signed out 3 other devices from Chrome on Mac OS"],
    [entry("session_revoked", { sessions: 1, device: "Safari on iPhone" }), "Signed out Safari on iPhone from Chrome on Mac OS"],
    [entry("api_key_rolled", { label: "deploy bot" }), "Personal API key “deploy bot” rolled from Chrome on Mac OS"],
    [entry("email_change_confirmed", { from: "a@example.test", to: "b@example.test" }, null), "Email address changed from a@example.test to b@example.test"],
    [entry("staff_action", { action: "user.updated", staff: "ops@example.test", fields: ["first_name"] }, null), "Staff member ops@example.test changed your account (first_name)"],
    [entry("staff_action", { action: "user.staff_changed", staff: "ops@example.test", fields: ["is_staff"] }, null), "Staff member ops@example.test changed your staff access"],
  ])("%# %s", (input, sentence) => {
    expect(describeActivity(input)).toBe(sentence);
  });

  it("has a sentence for every kind", () => {
    for (const kind of ACTIVITY_KINDS) expect(describeActivity(entry(kind, {}, null))).toMatch(/^[A-Z]/);
  });
});

describe("the kind filter", () => {
  it("takes kinds and group names, comma-separated, and expands groups", () => {
    expect(activityQuerySchema.parse({ kind: "sign_in" }).kind).toEqual(["sign_in"]);
    expect(activityQuerySchema.parse({ kind: "api_key_created, sign_in" }).kind).toEqual(["api_key_created", "sign_in"]);
    expect(activityQuerySchema.parse({ kind: "sign_ins,sign_in" }).kind).toEqual([...ACTIVITY_CATEGORIES.sign_ins]);
    expect(activityQuerySchema.parse({}).kind).toBeUndefined();
  });

  it("refuses an unknown name or an empty list", () => {
    for (const kind of ["password", ",", "sign_in,nope", ""]) expect(activityQuerySchema.safeParse({ kind }).success).toBe(false);
  });
});
