import * as z from "zod/mini";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./limits";

/*
 * The field rules forms and routes share, written with zod/mini: a page's form validates with
 * them without shipping zod classic (~35 KB gzip), and `schemas.ts` composes them into the
 * request schemas, so each rule is declared once.
 */

const name = (label: string) =>
  z.string().check(z.trim(), z.maxLength(NAME_MAX_LENGTH, `${label} must be at most ${NAME_MAX_LENGTH} characters.`));

export const emailSchema = z.pipe(
  z.pipe(
    z.string().check(
      z.trim(),
      z.minLength(1, "Enter an email address."),
      z.maxLength(EMAIL_MAX_LENGTH, `Email addresses are at most ${EMAIL_MAX_LENGTH} characters.`),
    ),
    z.email("Enter a valid email address."),
  ),
  z.transform((email: string) => email.toLowerCase()),
);

/**
 * Length only (NIST/ASVS); the server also refuses common passwords. The messages say what is
 * wrong; the sign-up form's help text states the rule, so an empty field doesn't repeat it.
 */
export const newPasswordSchema = z.string().check(
  z.minLength(1, { message: "Enter a password.", abort: true }),
  z.minLength(PASSWORD_MIN_LENGTH, `This password is shorter than ${PASSWORD_MIN_LENGTH} characters.`),
  z.maxLength(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
);

/** The Security page's password form; the server applies the same rules (and the block-list) to `password`. */
export const passwordChangeFormSchema = z.object({
  current_password: z.string().check(z.maxLength(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`)),
  password: newPasswordSchema,
});
export type PasswordChangeForm = z.infer<typeof passwordChangeFormSchema>;

/** The same form on an account that has a password: the current one is then required. */
export const passwordChangeWithCurrentFormSchema = passwordChangeFormSchema.check(
  z.refine((values) => values.current_password !== "", { path: ["current_password"], message: "Enter your current password." }),
);

/**
 * The one first-name rule, for sign-up, the Profile form, PATCH and `create-user`: trimmed and
 * never blank (the reference stores a blank one; an account then has no name to greet).
 */
export const firstNameSchema = name("First name").check(z.minLength(1, "Enter your first name."));
export const lastNameSchema = name("Last name");

/** Names as the Profile form edits them. */
export const profileNamesSchema = z.object({
  first_name: firstNameSchema,
  last_name: lastNameSchema,
});
export type ProfileNames = z.infer<typeof profileNamesSchema>;

