import { route } from "@/lib/api/route";
import { validateEndpoint } from "@/lib/two-factor/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ POST: validateEndpoint("users_two_factor_validate_create") });
