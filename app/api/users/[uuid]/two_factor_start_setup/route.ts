import { route } from "@/lib/api/route";
import { startSetupEndpoint } from "@/lib/two-factor/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ GET: startSetupEndpoint("users_two_factor_start_setup_retrieve") });
