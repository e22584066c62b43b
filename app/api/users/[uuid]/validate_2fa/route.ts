import { route } from "@/lib/api/route";
import { validateEndpoint } from "@/lib/two-factor/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ POST: validateEndpoint("users_validate_2fa_create") });
