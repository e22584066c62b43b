/** Where a user whose organization enforces two-factor is sent until they have set it up. */
export const TWO_FACTOR_SETUP_PATH = "/settings/security";
export const TWO_FACTOR_SETUP_URL = `${TWO_FACTOR_SETUP_PATH}?setup=2fa#two-factor`;

/** The setup page itself stays open (so the redirect cannot loop), however the path is spelled. */
export function isTwoFactorSetupPage(path: string): boolean {
  const { pathname } = new URL(path, "http://page.invalid");
  return pathname.replace(/\/+$/, "") === TWO_FACTOR_SETUP_PATH;
}
