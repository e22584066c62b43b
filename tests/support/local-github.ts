import path from "node:path";

// The fake is plain JavaScript with no declarations; this is the part of its API the tests rely on.
export interface Installation {
  id: number;
  account: { login: string; type: string };
  repository_selection: string;
}
export interface Repository {
  id: number;
  name: string;
  full_name: string;
  default_branch: string;
}
export interface State {
  addUser(user: { login: string }): { login: string; id: number };
  addInstallation(spec: {
    account: { login: string; type: "User" | "Organization" };
    users?: string[];
    repositories?: number | string[];
    repositorySelection?: "all" | "selected";
  }): Installation;
  addRepository(installationId: number, name: string, options?: { branches?: string[]; defaultBranch?: string }): Repository;
  removeRepository(installationIdOrFullName: number | string, name?: string): void;
  setBranches(fullName: string, names: string[], options?: { defaultBranch?: string }): void;
  setSignedInUser(login: string | null): void;
  setFailure(mode: null | "down" | "unreachable" | "rate_limited"): void;
  advanceClock(seconds: number): void;
  issueUserToken(login: string): { access_token: string; refresh_token: string };
  clearRequests(): void;
  reset(): void;
  readonly requests: { method: string; path: string; query: string; auth: string | null }[];
}
export interface LocalGitHub {
  webUrl: string;
  apiUrl: string;
  appId: number;
  appSlug: string;
  clientId: string;
  clientSecret: string;
  privateKeyPem: string;
  state: State;
  close(): Promise<void>;
}

export const LOCAL_GITHUB_SERVER = path.resolve(import.meta.dirname, "../../scripts/local-github/server.mjs");

/** Starts the local GitHub (scripts/local-github) in this process. */
export async function startLocalGitHub(options: Record<string, unknown>): Promise<LocalGitHub> {
  const { startLocalGitHub: start } = (await import(LOCAL_GITHUB_SERVER)) as { startLocalGitHub(options: Record<string, unknown>): Promise<LocalGitHub> };
  return start(options);
}
