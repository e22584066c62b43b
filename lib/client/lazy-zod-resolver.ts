import type { FieldValues, Resolver } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";

/**
 * `zodResolver` for a schema that loads on the form's first validation rather than with the
 * page: zod's core (~24 KB gzip) is only needed once someone submits, and a settings page must
 * ship at most 200 KB on first load. The schema itself stays the one the server composes.
 */
export function lazyZodResolver<Values extends FieldValues>(loadSchema: () => Promise<$ZodType>): Resolver<Values> {
  let loaded: Promise<Resolver<Values>> | undefined;
  return async (values, context, options) => {
    if (!loaded) {
      const attempt = Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
        ([{ zodResolver }, schema]) => zodResolver(schema as $ZodType<Values, Values>) as unknown as Resolver<Values>,
      );
      // A chunk that failed to load (offline for a moment) is tried again on the next submit.
      attempt.catch(() => {
        if (loaded === attempt) loaded = undefined;
      });
      loaded = attempt;
    }
    try {
      return await (await loaded)(values, context, options);
    } catch {
      // The rules could not load: the server applies the same ones and its 400 names the field.
      return { values, errors: {} };
    }
  };
}
