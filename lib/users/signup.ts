import "server-only";
import { sendSignupVerification } from "@/lib/email-change/service";
import { createAccount } from "./accounts";
import type { SignupInput } from "./schemas";

export async function signup(input: SignupInput): Promise<{ uuid: string; email: string; first_name: string }> {
  const user = await createAccount({ email: input.email, password: input.password, firstName: input.first_name });
  await sendSignupVerification(user);
  return { uuid: user.uuid, email: user.email, first_name: user.firstName };
}
