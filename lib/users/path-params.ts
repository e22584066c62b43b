import { z } from "zod";

export const userPathSchema = z.object({ uuid: z.string().min(1).max(100) });
