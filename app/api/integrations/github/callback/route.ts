import { endpoint, route } from "@/lib/api/route";
import { publicOrigin } from "@/lib/api/public-url";
import { completeGitHubConnect } from "@/lib/github/integrations";
import { callbackQuery } from "@/lib/github/schemas";

const INTEGRATIONS_PAGE = "/settings/integrations";

function redirectTo(path: string): Response {
  return new Response(null, { status: 302, headers: { Location: new URL(path, publicOrigin()).toString(), "Cache-Control": "no-store" } });
}

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "integrations_github_callback_retrieve",
    summary: "GitHub's return from installing the App",
    description:
      "Where GitHub sends the browser after the installation page, with `installation_id`, `setup_action`, an OAuth `code` and our `state`. Links the installation when the state is the signed-in user's, unexpired and unused, the code exchanges for their token, and GitHub lists the installation among those the user can reach (the `installation_id` on the redirect can be forged). Always a 302: to the Integrations page with `github_link_success=1` or `github_link_error=<reason>`, or to sign-in first (the code stays valid for 10 minutes).",
    auth: "public",
    query: callbackQuery,
    status: 302,
    handler: async ({ request, principal, query }) => {
      if (!principal) return redirectTo(`/signin?next=${encodeURIComponent(`${request.nextUrl.pathname}${request.nextUrl.search}`)}`);
      const result = await completeGitHubConnect(principal.user.id, query);
      return redirectTo(result.ok ? `${INTEGRATIONS_PAGE}?github_link_success=1` : `${INTEGRATIONS_PAGE}?github_link_error=${result.reason}`);
    },
  }),
});
