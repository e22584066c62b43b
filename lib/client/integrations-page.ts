/** Installations a person links fit on one page; repositories and branches page through the API. */
export const INTEGRATIONS_PAGE_LIMIT = 100;
export const REPOSITORIES_PAGE_LIMIT = 20;
export const BRANCHES_PAGE_LIMIT = 100;

/** What the Integrations page says about `github_link_error=<reason>` after GitHub sent the browser back. */
export const CONNECT_ERRORS: Record<string, string> = {
  access_denied: "GitHub was not connected: the installation was cancelled on GitHub.",
  missing_params: "GitHub sent the browser back without what we need. Try connecting again.",
  invalid_state: "That connection link expired or was already used. Start again from Connect GitHub.",
  invalid_installation_id: "GitHub sent back an installation id that isn't valid. Try connecting again.",
  exchange_failed: "GitHub did not confirm who you are. Try connecting again.",
  installation_not_authorized: "GitHub says your account can't reach that installation, so it wasn't linked.",
  github_unavailable: "GitHub can't be reached right now. Try connecting again in a moment.",
};
