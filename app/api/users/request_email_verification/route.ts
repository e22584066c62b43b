import { route } from "@/lib/api/route";
import { requestEmailVerificationEndpoint } from "@/lib/email-change/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ POST: requestEmailVerificationEndpoint });
