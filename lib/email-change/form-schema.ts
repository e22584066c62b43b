import * as z from "zod/mini";
import { emailSchema } from "@/lib/users/form-schemas";

/** The Profile page's change form; the server applies the same address rule through the PATCH schema. */
export const emailChangeFormSchema = z.object({
  email: emailSchema,
  current_password: z.string().check(z.minLength(1, "Enter your current password.")),
});
export type EmailChangeForm = z.input<typeof emailChangeFormSchema>;
