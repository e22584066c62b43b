import type { Page } from "@playwright/test";
import { signIn } from "./sign-in";

/** Signs the page's browser context in through the API (the sign-in page has its own spec). */
export async function signInPage(page: Page, account: { email: string; password: string }): Promise<void> {
  await signIn(page.context().request, account.email, account.password);
}
