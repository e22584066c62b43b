import { z } from "zod";

/**
 * Any JSON value. Bodies come from JSON.parse and stored values from jsonb, so nothing else can
 * arrive; `z.json()` would render as a self-referencing union some OpenAPI renderers reject.
 */
export function jsonValue() {
  return z.unknown().meta({ description: "Any JSON value." });
}
