import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { passwordPolicyIssues } from "@/lib/auth/password-policy";
import type { AuthUser } from "@/lib/auth/principal";
import { emailSchema, firstNameSchema, newPasswordSchema } from "./schemas";

export interface NewAccount {
  email: string;
  password: string;
  firstName: string;
  lastName?: string;
  isStaff?: boolean;
  isEmailVerified?: boolean;
}

function token(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

function slugify(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 36) || "org";
  return `${base}-${randomBytes(4).toString("hex")}`;
}

/**
 * Creates a user with a personal organization and default project, so every account starts with
 * a current organization and team. Enforces the whole password policy.
 */
export async function createAccount(input: NewAccount): Promise<AuthUser> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw errors.invalidField("email", "invalid_input", "Enter a valid email address.");
  const length = newPasswordSchema.safeParse(input.password);
  if (!length.success) throw errors.invalidField("password", "invalid_input", length.error.issues[0]?.message ?? "Invalid password.");
  const firstName = firstNameSchema.safeParse(input.firstName);
  if (!firstName.success) {
    const issue = firstName.error.issues[0];
    throw errors.invalidField("first_name", issue?.code === "too_big" ? "max_length" : "blank", issue?.message ?? "Invalid first name.");
  }
  const policy = passwordPolicyIssues(input.password, email.data);
  if (policy.length > 0) throw errors.validation(policy);

  const passwordHash = await hashPassword(input.password);
  const organizationName = `${firstName.data}'s organization`;
  try {
    return await db().$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: {
          name: organizationName.slice(0, 64),
          slug: slugify(organizationName),
          teams: { create: { name: "Default project", apiToken: `phc_${token(24)}` } },
        },
        include: { teams: true },
      });
      return tx.user.create({
        data: {
          email: email.data,
          passwordHash,
          firstName: firstName.data,
          lastName: (input.lastName ?? "").trim(),
          isStaff: input.isStaff ?? false,
          isEmailVerified: input.isEmailVerified ?? false,
          distinctId: token(24),
          currentOrganizationId: organization.id,
          currentTeamId: organization.teams[0]?.id ?? null,
          memberships: { create: { organizationId: organization.id, level: 15 } },
        },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw errors.invalidField("email", "unique", "An account with this email address already exists.");
    }
    throw error;
  }
}
