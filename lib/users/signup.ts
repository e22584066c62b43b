import "server-only";
import { env } from "@/lib/env";
import { sendMailQuietly } from "@/lib/mail";
import { createAccount } from "./accounts";
import type { SignupInput } from "./schemas";

export async function signup(input: SignupInput): Promise<{ uuid: string; email: string; first_name: string }> {
  const user = await createAccount({ email: input.email, password: input.password, firstName: input.first_name });
  await sendMailQuietly(
    {
      to: user.email,
      subject: `Welcome to ${env.appName}`,
      text: `Hi ${user.firstName},\n\nYour account is ready. You can sign in with ${user.email}.\n`,
    },
    "signup.welcome",
  );
  return { uuid: user.uuid, email: user.email, first_name: user.firstName };
}
