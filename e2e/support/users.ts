import { randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { APIRequestContext } from "@playwright/test";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { apiAs } from "./sign-in";

export const PASSWORD = "e2e-correct-horse-battery";

/** What a test can ask of its user. New options (such as two-factor) join here. */
export interface UserOptions {
  staff?: boolean;
  /** Defaults to true, as for accounts an operator creates; sign-up makes unverified ones. */
  verified?: boolean;
  firstName?: string;
  lastName?: string;
  password?: string;
  /** The personal (current) organization enforces two-factor. */
  enforce2fa?: boolean;
}

export interface TestUser {
  id: number;
  uuid: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  isStaff: boolean;
  isEmailVerified: boolean;
  organizationId: string;
  teamId: number;
}

/** The e2e database; refuses anything that is not on this machine, like the integration tests do. */
export function e2eDatabaseUrl(): string {
  const host = new URL(E2E_DATABASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run e2e tests against a non-local database (${host}).`);
  }
  return E2E_DATABASE_URL;
}

export function connectE2eDatabase(): { client: AppPrismaClient; close: () => Promise<void> } {
  return createPrismaClient({ kind: "postgres", url: e2eDatabaseUrl() });
}

// The same Argon2id parameters as lib/auth/password.ts (server-only, so not importable here).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Per worker process: hashing costs ~50 ms and nearly every user shares the default password.
const hashes = new Map<string, Promise<string>>();

function passwordHash(password: string): Promise<string> {
  let cached = hashes.get(password);
  if (!cached) {
    cached = hash(password, ARGON2);
    hashes.set(password, cached);
  }
  return cached;
}

const token = (bytes: number) => randomBytes(bytes).toString("base64url");

/**
 * Users of one test, written straight to the database (with a personal organization and default
 * team, as sign-up makes them) and deleted after the test however it ended.
 */
export class UserFactory {
  private readonly userIds = new Set<number>();
  private readonly organizationIds = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly sessions: APIRequestContext[] = [];

  constructor(private readonly prisma: AppPrismaClient) {}

  async create(options: UserOptions = {}): Promise<TestUser> {
    const password = options.password ?? PASSWORD;
    const firstName = options.firstName ?? "E2E";
    const email = `e2e-${randomUUID()}@example.test`;
    const passwordHashValue = await passwordHash(password);
    const user = await this.prisma.$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: {
          name: `${firstName}'s organization`.slice(0, 64),
          slug: `e2e-${randomBytes(8).toString("hex")}`,
          enforce2fa: options.enforce2fa ?? null,
          teams: { create: { name: "Default project", apiToken: `phc_${token(24)}` } },
        },
        include: { teams: true },
      });
      this.organizationIds.add(organization.id);
      const team = organization.teams[0];
      if (!team) throw new Error("the default team was not created");
      const created = await tx.user.create({
        data: {
          email,
          passwordHash: passwordHashValue,
          firstName,
          lastName: options.lastName ?? "",
          isStaff: options.staff ?? false,
          isEmailVerified: options.verified ?? true,
          distinctId: token(24),
          currentOrganizationId: organization.id,
          currentTeamId: team.id,
          memberships: { create: { organizationId: organization.id, level: 15 } },
        },
      });
      return { ...created, organizationId: organization.id, teamId: team.id };
    });
    this.userIds.add(user.id);
    return {
      id: user.id,
      uuid: user.uuid,
      email: user.email,
      password,
      firstName: user.firstName,
      lastName: user.lastName,
      isStaff: user.isStaff,
      isEmailVerified: user.isEmailVerified === true,
      organizationId: user.organizationId,
      teamId: user.teamId,
    };
  }

  /** A client signed in as `user` through the API; disposed with the test. */
  async signIn(user: { email: string; password: string }): Promise<APIRequestContext> {
    const api = await apiAs(user);
    this.sessions.push(api);
    return api;
  }

  /** An account the test made some other way (e.g. through sign-up), deleted with the rest. */
  track(email: string): void {
    this.emails.add(email.trim().toLowerCase());
  }

  /** Deletes the test's users and every organization no one else belongs to. */
  async cleanup(): Promise<void> {
    await Promise.all(this.sessions.splice(0).map((api) => api.dispose()));
    const signedUp = await this.prisma.user.findMany({ where: { email: { in: [...this.emails] } }, select: { id: true } });
    const ids = [...this.userIds, ...signedUp.map((user) => user.id)];
    await this.prisma.$transaction(async (tx) => {
      const organizations = await tx.organization.findMany({
        where: {
          OR: [{ id: { in: [...this.organizationIds] } }, { memberships: { some: { userId: { in: ids } } } }],
          memberships: { every: { userId: { in: ids } } },
        },
        select: { id: true },
      });
      await tx.user.deleteMany({ where: { id: { in: ids } } });
      await tx.organization.deleteMany({ where: { id: { in: organizations.map((organization) => organization.id) } } });
    });
    this.userIds.clear();
    this.organizationIds.clear();
    this.emails.clear();
  }
}
