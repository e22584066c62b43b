import "server-only";
import { db } from "@/lib/db/client";
import { liveWhere } from "@/lib/sessions/service";
import { enforce, mayReadSecurityCheckupOf } from "./permissions";
import type { CheckupItem, SecurityCheckupDto } from "./security-checkup-schema";
import type { Subject } from "./subject";

const DAY = 24 * 60 * 60 * 1000;
/** Backup codes left at or below this: generate new ones before they run out. */
export const FEW_BACKUP_CODES = 3;
const KEY_IDLE_DAYS = 90;
const DEVICE_IDLE_DAYS = 30;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The account's security facts, each graded with where to fix it; five reads, whatever the account holds. */
export async function securityCheckup(subject: Subject): Promise<SecurityCheckupDto> {
  enforce(mayReadSecurityCheckupOf(subject));
  const { user, hasPassword, twoFactorEnabled } = subject;
  const now = Date.now();
  const [backupCodesLeft, keys, idleSessions, idlePushDevices] = await Promise.all([
    twoFactorEnabled ? db().backupCode.count({ where: { userId: user.id, usedAt: null } }) : Promise.resolve(0),
    db().personalApiKey.findMany({ where: { userId: user.id }, select: { createdAt: true, lastUsedAt: true } }),
    // Only devices the list shows and can sign out: an expired session is gone already. With the
    // default 14-day idle timeout none qualifies; a longer configured timeout makes this bite.
    db().session.count({ where: { userId: user.id, AND: [liveWhere(now), { lastSeenAt: { lt: new Date(now - DEVICE_IDLE_DAYS * DAY) } }] } }),
    db().pushToken.count({ where: { userId: user.id, lastSeenAt: { lt: new Date(now - DEVICE_IDLE_DAYS * DAY) } } }),
  ]);
  const idleKeys = keys.filter((key) => (key.lastUsedAt ?? key.createdAt).getTime() < now - KEY_IDLE_DAYS * DAY).length;
  const neverUsedKeys = keys.filter((key) => key.lastUsedAt === null).length;

  const items: CheckupItem[] = [
    !hasPassword
      ? { id: "password", status: "warning", title: "No password", detail: "Set a password so you can sign in without a link.", fix_url: "/settings/security#password" }
      : user.weakPasswordSeenAt
        ? { id: "password", status: "problem", title: "Your password is easy to guess", detail: "It is on the list of common passwords, or like your email address. Change it.", fix_url: "/settings/security#password" }
        : { id: "password", status: "ok", title: "Password set", detail: "Not on the list of common passwords.", fix_url: null },
    twoFactorEnabled
      ? { id: "two_factor", status: "ok", title: "Two-factor authentication on", detail: "Signing in needs a code from your app.", fix_url: null }
      : { id: "two_factor", status: "problem", title: "Two-factor authentication off", detail: "A stolen password is enough to get into your account. Turn two-factor on.", fix_url: "/settings/security#two-factor" },
    !twoFactorEnabled
      ? { id: "backup_codes", status: "ok", title: "Backup codes", detail: "They come with two-factor authentication.", fix_url: null }
      : backupCodesLeft <= FEW_BACKUP_CODES
        ? { id: "backup_codes", status: backupCodesLeft === 0 ? "problem" : "warning", title: `${plural(backupCodesLeft, "backup code", "backup codes")} left`, detail: "Generate new ones before you run out.", fix_url: "/settings/security#two-factor" }
        : { id: "backup_codes", status: "ok", title: `${backupCodesLeft} backup codes left`, detail: "Enough to get in without your phone.", fix_url: null },
    idleKeys > 0 || neverUsedKeys > 0
      ? {
          id: "api_keys",
          status: "warning",
          title: idleKeys > 0 ? `${plural(idleKeys, "API key", "API keys")} unused for ${KEY_IDLE_DAYS} days` : `${plural(neverUsedKeys, "API key", "API keys")} never used`,
          detail: "A key nobody uses is only a risk: revoke what you do not need.",
          fix_url: "/settings/api-keys",
        }
      : { id: "api_keys", status: "ok", title: "API keys in use", detail: keys.length === 0 ? "You have no personal API keys." : "Every key was used recently.", fix_url: null },
    idleSessions + idlePushDevices > 0
      ? {
          id: "devices",
          status: "warning",
          title: `${plural(idleSessions + idlePushDevices, "device", "devices")} not seen for ${DEVICE_IDLE_DAYS} days`,
          detail: "Sign out or remove devices you no longer use.",
          fix_url: idleSessions > 0 ? "/settings/security#signed-in-devices" : "/settings/preferences#mobile-devices",
        }
      : { id: "devices", status: "ok", title: "Devices recently active", detail: "Every signed-in device was seen in the last 30 days.", fix_url: null },
    user.pendingEmail
      ? { id: "pending_email", status: "warning", title: "An email change is waiting", detail: `Confirm the link sent to ${user.pendingEmail}, or cancel the change.`, fix_url: "/settings/profile#email" }
      : { id: "pending_email", status: "ok", title: "No pending email change", detail: "Your address is settled.", fix_url: null },
    user.isEmailVerified === false
      ? { id: "email_verified", status: "warning", title: "Email address not verified", detail: "Verify it so account mail reaches you.", fix_url: "/settings/profile#email" }
      : { id: "email_verified", status: "ok", title: "Email address verified", detail: user.email, fix_url: null },
  ];
  const passed = items.filter((item) => item.status === "ok").length;
  const grade = items.some((item) => item.status === "problem") ? "weak" : passed < items.length ? "fair" : "strong";
  return { grade, passed, total: items.length, items };
}
