import { route } from "@/lib/api/route";
import { backupCodesEndpoint } from "@/lib/two-factor/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ POST: backupCodesEndpoint });
