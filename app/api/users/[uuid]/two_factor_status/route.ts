import { route } from "@/lib/api/route";
import { statusEndpoint } from "@/lib/two-factor/endpoints";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({ GET: statusEndpoint });
