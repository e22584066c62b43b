import { describe, expect, it } from "vitest";
import { PATCH as PATCH_HEDGEHOG } from "@/app/api/users/[uuid]/hedgehog_config/route";
import { PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { HEDGEHOG_COLORS, HEDGEHOG_SKINS } from "@/lib/users/hedgehog-schema";
import { effectiveNotificationSettings } from "@/lib/users/notification-settings";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

const ROUNDS = 25;
const params = { uuid: "@me" };
const patchUser = (cookie: string, body: unknown) => call(PATCH_USER, { method: "PATCH", path: "/api/users/@me", params, cookie, body });
const patchHedgehog = (cookie: string, body: unknown) =>
  call(PATCH_HEDGEHOG, { method: "PATCH", path: "/api/users/@me/hedgehog_config", params, cookie, body });

/** Fires both writes at once, `ROUNDS` times, each round changing both keys to new values. */
async function race(write: (round: number) => [Promise<{ status: number }>, Promise<{ status: number }>], check: (round: number) => Promise<void>) {
  for (let round = 0; round < ROUNDS; round++) {
    const responses = await Promise.all(write(round));
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    await check(round);
  }
}

describe("two PATCHes changing different keys of one JSON setting at the same moment both survive", () => {
  it("notification_settings", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    await race(
      (round) => [
        patchUser(cookie, { notification_settings: { plugin_disabled: round % 2 === 0 } }),
        patchUser(cookie, { notification_settings: { project_weekly_digest_disabled: { [String(round)]: true } } }),
      ],
      async (round) => {
        const settings = effectiveNotificationSettings((await reloadUser(user.id)).notificationSettings);
        expect(settings.plugin_disabled).toBe(round % 2 === 0);
        expect(Object.keys(settings.project_weekly_digest_disabled)).toHaveLength(round + 1);
      },
    );
  });

  it("hedgehog_config, through its own endpoint and the user PATCH", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const skin = (round: number) => HEDGEHOG_SKINS[round % HEDGEHOG_SKINS.length];
    const color = (round: number) => HEDGEHOG_COLORS[(round + 1) % HEDGEHOG_COLORS.length];
    await race(
      (round) => [patchHedgehog(cookie, { skin: skin(round) }), patchUser(cookie, { hedgehog_config: { color: color(round) } })],
      async (round) => {
        expect((await reloadUser(user.id)).hedgehogConfig).toEqual({ skin: skin(round), color: color(round) });
      },
    );
  });
});
