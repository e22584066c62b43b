import { z } from "zod";
import { integerParam, pageSchema } from "@/lib/api/pagination";

const isoDateTime = z.iso.datetime({ offset: true });

// GitHub's rule for owners and repository names: letters, digits, `-`, `_`, `.`, and never `.` or `..` alone.
const NAME_PART = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,100}$/;

export const integrationSchema = z
  .object({
    id: z.uuid(),
    kind: z.literal("github"),
    installation_id: z.string().meta({ description: "GitHub's installation id (digits)." }),
    repository_selection: z.enum(["all", "selected"]).nullable(),
    account: z
      .object({ type: z.string().meta({ description: "`User` or `Organization`." }), name: z.string(), avatar_url: z.string().nullable() })
      .meta({ id: "GitHubAccount" }),
    github_user: z.object({ login: z.string() }).meta({ description: "Who linked it on GitHub." }),
    uses_shared_installation: z.boolean().meta({ description: "Also connected as a team integration (team integrations are not part of this product: always false)." }),
    repository_count: z.number().int().nullable().meta({ description: "Repositories in the cache; null until first listed." }),
    repositories_refreshed_at: isoDateTime.nullable(),
    created_at: isoDateTime,
  })
  .meta({ id: "GitHubIntegration" });
export type IntegrationDto = z.infer<typeof integrationSchema>;

export const integrationPageSchema = pageSchema(integrationSchema).meta({ id: "PaginatedGitHubIntegrationList" });

export const installationParams = z.object({
  installation_id: z.string().regex(/^\d{1,20}$/, "Installation ids are whole numbers.").meta({ description: "GitHub's installation id (digits)." }),
});

const search = z.string().trim().max(200, "Search for at most 200 characters.").optional().transform((value) => value ?? "");

export const repositoriesQuery = z.object({
  search: search.meta({ description: "Case-insensitive part of `full_name`." }),
  limit: integerParam({ min: 1, max: 500 }, 100, "Repositories per page (1–500)."),
  offset: integerParam({ min: 0, max: Number.MAX_SAFE_INTEGER }, 0, "The initial index from which to return the results."),
});

export const repositorySchema = z
  .object({ id: z.number().int(), name: z.string(), full_name: z.string(), private: z.boolean(), default_branch: z.string() })
  .meta({ id: "GitHubRepository" });

export const repositoriesSchema = z
  .object({
    repositories: z.array(repositorySchema),
    has_more: z.boolean(),
    count: z.number().int().meta({ description: "Repositories matching `search`." }),
    refreshed_at: isoDateTime.nullable().meta({ description: "When the cache was last filled from GitHub." }),
  })
  .meta({ id: "GitHubRepositoryPage" });

export const refreshedRepositoriesSchema = z
  .object({ repositories: z.array(repositorySchema), refreshed_at: isoDateTime })
  .meta({ id: "GitHubRepositoryRefresh" });

export const branchesQuery = z.object({
  repo: z
    .string({ error: "Choose a repository (owner/name)." })
    .trim()
    .refine((value) => value.split("/").length === 2 && value.split("/").every((part) => NAME_PART.test(part)), "A repository is owner/name, e.g. octocat/hello-world.")
    .meta({ description: "`owner/name` of a repository this installation can reach." }),
  search: search.meta({ description: "Case-insensitive part of a branch name." }),
  limit: integerParam({ min: 1, max: 1000 }, 100, "Branches per page (1–1000)."),
  offset: integerParam({ min: 0, max: Number.MAX_SAFE_INTEGER }, 0, "The initial index from which to return the results."),
});

export const branchesSchema = z
  .object({
    branches: z.array(z.string()).meta({ description: "The default branch first, then the rest in GitHub's order." }),
    default_branch: z.string().nullable(),
    has_more: z.boolean(),
  })
  .meta({ id: "GitHubBranchPage" });

export const githubLoginSchema = z.object({ github_login: z.string().nullable() }).meta({ id: "GitHubLogin" });

export const connectStartSchema = z.object({ install_url: z.url() }).meta({ id: "GitHubConnectStart" });

export const callbackQuery = z.object({
  code: z.string().max(200).optional(),
  state: z.string().max(200).optional(),
  installation_id: z.string().max(40).optional(),
  setup_action: z.string().max(40).optional(),
  error: z.string().max(200).optional(),
});
export type CallbackQuery = z.infer<typeof callbackQuery>;
