import { describe, expect, it } from "vitest";
import { ERROR_TYPES, errorEnvelopeSchema } from "@/lib/api/envelope";
import { asErrorBody, CLIENT_ERROR_TYPES } from "@/lib/client/api-client";

const body = { type: "validation_error", code: "invalid_input", detail: "Bad.", attr: "first_name" };

describe("asErrorBody (the client's zod-free envelope check)", () => {
  it("knows the same error types as the envelope schema", () => {
    expect([...CLIENT_ERROR_TYPES].sort()).toEqual([...ERROR_TYPES].sort());
  });

  it.each([
    ["a minimal envelope", body],
    ["with issues", { ...body, issues: [{ attr: "first_name", code: "max_length", detail: "Too long." }, { attr: null, code: "x", detail: "y" }] }],
    ["a null attr", { ...body, attr: null }],
    ["an unknown type", { ...body, type: "teapot" }],
    ["a missing detail", { type: "server_error", code: "error", attr: null }],
    ["a numeric attr", { ...body, attr: 3 }],
    ["issues that are not a list", { ...body, issues: "nope" }],
    ["an issue without detail", { ...body, issues: [{ attr: null, code: "x" }] }],
    ["an array", [body]],
    ["null", null],
    ["HTML", "<html>"],
  ])("agrees with errorEnvelopeSchema on %s", (_label, value) => {
    const expected = errorEnvelopeSchema.safeParse(value).success;
    expect(asErrorBody(value) !== null).toBe(expected);
  });
});
