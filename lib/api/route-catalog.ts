import "server-only";
import * as health from "@/app/api/health/route";
import * as reset from "@/app/api/reset/route";
import * as resetToken from "@/app/api/reset/[token]/route";
import * as schema from "@/app/api/schema/route";
import * as signup from "@/app/api/signup/route";
import * as users from "@/app/api/users/route";
import * as user from "@/app/api/users/[uuid]/route";
import * as verifyEmail from "@/app/api/users/verify_email/route";
import * as requestEmailVerification from "@/app/api/users/request_email_verification/route";
import * as cancelEmailChangeRequest from "@/app/api/users/cancel_email_change_request/route";
import * as userSessions from "@/app/api/users/[uuid]/sessions/route";
import * as userSession from "@/app/api/users/[uuid]/sessions/[id]/route";
import * as userSessionsRevokeOthers from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import * as userStart2faSetup from "@/app/api/users/[uuid]/start_2fa_setup/route";
import * as userTwoFactorStartSetup from "@/app/api/users/[uuid]/two_factor_start_setup/route";
import * as userValidate2fa from "@/app/api/users/[uuid]/validate_2fa/route";
import * as userTwoFactorValidate from "@/app/api/users/[uuid]/two_factor_validate/route";
import * as userTwoFactorStatus from "@/app/api/users/[uuid]/two_factor_status/route";
import * as userTwoFactorBackupCodes from "@/app/api/users/[uuid]/two_factor_backup_codes/route";
import * as userTwoFactorDisable from "@/app/api/users/[uuid]/two_factor_disable/route";
import * as personalApiKeys from "@/app/api/personal_api_keys/route";
import * as personalApiKey from "@/app/api/personal_api_keys/[id]/route";
import * as personalApiKeyRoll from "@/app/api/personal_api_keys/[id]/roll/route";
import * as userCredentialsReviewComplete from "@/app/api/users/[uuid]/credentials_review_complete/route";
import * as userHedgehogConfig from "@/app/api/users/[uuid]/hedgehog_config/route";
import * as userScenePersonalisation from "@/app/api/users/[uuid]/scene_personalisation/route";
import * as userSignalAutonomy from "@/app/api/users/[uuid]/signal_autonomy/route";
import * as userPushTokens from "@/app/api/users/[uuid]/push_tokens/route";
import * as userPushToken from "@/app/api/users/[uuid]/push_tokens/[id]/route";
import * as userPushTokensUnregister from "@/app/api/users/[uuid]/push_tokens/unregister/route";
import * as userGithubLogin from "@/app/api/users/[uuid]/github_login/route";
import * as userIntegrations from "@/app/api/users/[uuid]/integrations/route";
import * as userGithubStart from "@/app/api/users/[uuid]/integrations/github/start/route";
import * as userGithubIntegration from "@/app/api/users/[uuid]/integrations/github/[installation_id]/route";
import * as userGithubRepos from "@/app/api/users/[uuid]/integrations/github/[installation_id]/repos/route";
import * as userGithubReposRefresh from "@/app/api/users/[uuid]/integrations/github/[installation_id]/repos/refresh/route";
import * as userGithubBranches from "@/app/api/users/[uuid]/integrations/github/[installation_id]/branches/route";
import * as githubCallback from "@/app/api/integrations/github/callback/route";
import * as authReauthenticate from "@/app/api/auth/reauthenticate/route";
import * as authLock from "@/app/api/auth/lock/route";
import * as userSecurityCheckup from "@/app/api/users/[uuid]/security_checkup/route";
import * as adminAuditLog from "@/app/api/admin/audit_log/route";
import * as adminUserRequestCredentialReview from "@/app/api/admin/users/[uuid]/request_credential_review/route";
import * as adminRequestCredentialReview from "@/app/api/admin/request_credential_review/route";
import type { RouteModule } from "./openapi";

/**
 * Every route file under app/api, with its URL template. A test walks app/api and fails when a
 * route file is missing here, so the OpenAPI document cannot silently lose an endpoint.
 */
export const ROUTE_CATALOG: readonly RouteModule[] = [
  { path: "/api/health", handlers: health },
  { path: "/api/reset", handlers: reset },
  { path: "/api/reset/{token}", handlers: resetToken },
  { path: "/api/schema", handlers: schema },
  { path: "/api/signup", handlers: signup },
  { path: "/api/users", handlers: users },
  { path: "/api/users/{uuid}", handlers: user },
  { path: "/api/users/verify_email", handlers: verifyEmail },
  { path: "/api/users/request_email_verification", handlers: requestEmailVerification },
  { path: "/api/users/cancel_email_change_request", handlers: cancelEmailChangeRequest },
  { path: "/api/users/{uuid}/sessions", handlers: userSessions },
  { path: "/api/users/{uuid}/sessions/{id}", handlers: userSession },
  { path: "/api/users/{uuid}/sessions/revoke_others", handlers: userSessionsRevokeOthers },
  { path: "/api/users/{uuid}/start_2fa_setup", handlers: userStart2faSetup },
  { path: "/api/users/{uuid}/two_factor_start_setup", handlers: userTwoFactorStartSetup },
  { path: "/api/users/{uuid}/validate_2fa", handlers: userValidate2fa },
  { path: "/api/users/{uuid}/two_factor_validate", handlers: userTwoFactorValidate },
  { path: "/api/users/{uuid}/two_factor_status", handlers: userTwoFactorStatus },
  { path: "/api/users/{uuid}/two_factor_backup_codes", handlers: userTwoFactorBackupCodes },
  { path: "/api/users/{uuid}/two_factor_disable", handlers: userTwoFactorDisable },
  { path: "/api/personal_api_keys", handlers: personalApiKeys },
  { path: "/api/personal_api_keys/{id}", handlers: personalApiKey },
  { path: "/api/personal_api_keys/{id}/roll", handlers: personalApiKeyRoll },
  { path: "/api/users/{uuid}/credentials_review_complete", handlers: userCredentialsReviewComplete },
  { path: "/api/users/{uuid}/hedgehog_config", handlers: userHedgehogConfig },
  { path: "/api/users/{uuid}/scene_personalisation", handlers: userScenePersonalisation },
  { path: "/api/users/{uuid}/signal_autonomy", handlers: userSignalAutonomy },
  { path: "/api/users/{uuid}/push_tokens", handlers: userPushTokens },
  { path: "/api/users/{uuid}/push_tokens/{id}", handlers: userPushToken },
  { path: "/api/users/{uuid}/push_tokens/unregister", handlers: userPushTokensUnregister },
  { path: "/api/users/{uuid}/github_login", handlers: userGithubLogin },
  { path: "/api/users/{uuid}/integrations", handlers: userIntegrations },
  { path: "/api/users/{uuid}/integrations/github/start", handlers: userGithubStart },
  { path: "/api/users/{uuid}/integrations/github/{installation_id}", handlers: userGithubIntegration },
  { path: "/api/users/{uuid}/integrations/github/{installation_id}/repos", handlers: userGithubRepos },
  { path: "/api/users/{uuid}/integrations/github/{installation_id}/repos/refresh", handlers: userGithubReposRefresh },
  { path: "/api/users/{uuid}/integrations/github/{installation_id}/branches", handlers: userGithubBranches },
  { path: "/api/integrations/github/callback", handlers: githubCallback },
  { path: "/api/auth/reauthenticate", handlers: authReauthenticate },
  { path: "/api/auth/lock", handlers: authLock },
  { path: "/api/users/{uuid}/security_checkup", handlers: userSecurityCheckup },
  { path: "/api/admin/audit_log", handlers: adminAuditLog },
  { path: "/api/admin/users/{uuid}/request_credential_review", handlers: adminUserRequestCredentialReview },
  { path: "/api/admin/request_credential_review", handlers: adminRequestCredentialReview },
];
