import * as z from "zod/mini";

/**
 * `notification_settings.data_pipeline_error_threshold`: a fraction from 0 to 1. zod/mini, so the
 * Preferences page's field checks the API's own rule without shipping zod classic.
 */
export const errorThresholdSchema = z.number().check(z.gte(0), z.lte(1));
