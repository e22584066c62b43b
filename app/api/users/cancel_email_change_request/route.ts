import { route } from "@/lib/api/route";
import { cancelEmailChangeEndpoint } from "@/lib/email-change/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ PATCH: cancelEmailChangeEndpoint });
