import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { parseThresholdPercent } from "@/lib/client/error-threshold";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import { profileNamesSchema, type ProfileNames } from "@/lib/users/form-schemas";
import { notificationSettingsPatchSchema } from "@/lib/users/notification-settings";
import { signupSchema, userPatchSchema } from "@/lib/users/schemas";

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<ProfileNames>;

describe("lazyZodResolver", () => {
  it("validates with the loaded schema: every field error, or the parsed values", async () => {
    const resolver = lazyZodResolver<ProfileNames>(async () => profileNamesSchema);
    const refused = await resolver({ first_name: " ", last_name: "x".repeat(151) }, undefined, options);
    expect(Object.keys(refused.errors).sort()).toEqual(["first_name", "last_name"]);
    expect(refused.errors.first_name?.message).toBe("Enter your first name.");
    const accepted = await resolver({ first_name: " Amy ", last_name: "Rose" }, undefined, options);
    expect(accepted).toEqual({ values: { first_name: "Amy", last_name: "Rose" }, errors: {} });
  });

  it("loads the schema once, and again only after a failed load (which leaves the check to the server)", async () => {
    let loads = 0;
    const resolver = lazyZodResolver<ProfileNames>(async () => {
      loads += 1;
      if (loads === 1) throw new Error("chunk failed to load");
      return profileNamesSchema;
    });
    expect(await resolver({ first_name: "", last_name: "" }, undefined, options)).toEqual({ values: { first_name: "", last_name: "" }, errors: {} });
    await resolver({ first_name: "A", last_name: "" }, undefined, options);
    await resolver({ first_name: "B", last_name: "" }, undefined, options);
    expect(loads).toBe(2);
  });
});

describe("the classic request schemas use the forms' rules", () => {
  it("PATCH refuses a blank or long name with the form's message", () => {
    const blank = userPatchSchema.safeParse({ first_name: "  " });
    expect(blank.error?.issues.map((issue) => issue.message)).toEqual(["Enter your first name."]);
    const long = userPatchSchema.safeParse({ last_name: "x".repeat(151) });
    expect(long.error?.issues.map((issue) => issue.message)).toEqual(["Last name must be at most 150 characters."]);
    expect(userPatchSchema.parse({ first_name: " Amy " })).toEqual({ first_name: "Amy" });
  });

  it("sign-up trims and lowercases the address and checks the password length", () => {
    expect(signupSchema.parse({ email: " Amy@Example.TEST ", password: "long enough", first_name: "Amy" }).email).toBe("amy@example.test");
    const short = signupSchema.safeParse({ email: "amy@example.test", password: "short", first_name: "Amy" });
    expect(short.error?.issues.map((issue) => issue.message)).toEqual(["This password is shorter than 8 characters."]);
  });

  it.each([0, 0.5, 1, -0.0001, 1.0001])("the error threshold field and the API agree on %j", (fraction) => {
    const api = notificationSettingsPatchSchema.safeParse({ data_pipeline_error_threshold: fraction }).success;
    const field = "fraction" in parseThresholdPercent(String(fraction * 100));
    expect(field).toBe(api);
  });
});
