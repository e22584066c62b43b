import { route } from "@/lib/api/route";
import { verifyEmailEndpoint } from "@/lib/email-change/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ POST: verifyEmailEndpoint });
