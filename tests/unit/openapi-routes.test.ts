import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GET as schemaRoute } from "@/app/api/schema/route";
import { openApiDocument } from "@/lib/api/openapi-document";
import { endpointOf, METHODS } from "@/lib/api/route";
import { ROUTE_CATALOG } from "@/lib/api/route-catalog";
import { call } from "../support/requests";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");

/** Route files that are not API operations of ours, and why. */
const NOT_OPERATIONS: Record<string, string> = {
  "/api/{...path}": "the catch-all that answers unknown paths with a 404 envelope",
  "/api/auth/{...nextauth}": "next-auth's own sign-in endpoints (form posts and redirects, not JSON API)",
};

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function urlTemplate(file: string): string {
  const relative = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api", ...relative.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

describe("the OpenAPI document", () => {
  it("lists every route file under app/api in the route catalog, under its own URL", async () => {
    const files = routeFiles().map((file) => ({ file, template: urlTemplate(file) })).filter(({ template }) => !(template in NOT_OPERATIONS));
    expect(files.length).toBeGreaterThan(0);
    for (const { file, template } of files) {
      const entry = ROUTE_CATALOG.find((candidate) => candidate.path === template);
      expect(entry, `${template} (${path.relative(API_DIR, file)}) is missing from lib/api/route-catalog.ts`).toBeDefined();
      expect(entry?.handlers, `${template} in the catalog is not the module at ${file}`).toBe(await import(file));
    }
    expect(ROUTE_CATALOG.map((entry) => entry.path).sort()).toEqual(files.map((entry) => entry.template).sort());
  });

  it("documents every verb each route serves, and no verb it does not", async () => {
    const doc = await openApiDocument();
    for (const file of routeFiles()) {
      const template = urlTemplate(file);
      if (template in NOT_OPERATIONS) continue;
      const module = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const served = endpointOf(module[method]) !== undefined;
        const documented = doc.paths?.[template]?.[method.toLowerCase() as "get"] !== undefined;
        expect(documented, `${method} ${template}`).toBe(served);
      }
    }
  });

  it("gives every operation a unique operationId in the reference's style", async () => {
    const doc = await openApiDocument();
    const ids = Object.values(doc.paths ?? {}).flatMap((item) => Object.values(item as Record<string, { operationId?: string }>).map((operation) => operation.operationId));
    expect(ids).toEqual(expect.arrayContaining(["users_list", "users_retrieve", "users_partial_update", "users_destroy"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
  });

  it("states each operation's auth modes, scope, sensitivity and every error status with the envelope", async () => {
    const doc = (await openApiDocument()) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const destroy = doc.paths["/api/users/{uuid}"]!.delete!;
    expect(destroy).toMatchObject({ "x-auth": "session", "x-required-scope": "user:write", "x-sensitive": true, security: [{ sessionCookie: [] }] });
    expect(Object.keys(destroy.responses as object)).toEqual(["204", "400", "401", "403", "404", "409", "413", "415", "500", "503"]);
    expect((destroy.responses as Record<string, { headers?: object }>)["503"]?.headers).toHaveProperty("Retry-After");
    const health = doc.paths["/api/health"]!.get!;
    expect((health.responses as Record<string, unknown>)["503"]).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } });
    const list = doc.paths["/api/users"]!.get!;
    expect(list.security).toEqual([{ sessionCookie: [] }, { personalApiKey: ["user:read"] }]);
    expect((list.responses as Record<string, unknown>)["400"]).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
    const signup = doc.paths["/api/signup"]!.post!;
    expect(Object.keys(signup.responses as object)).toEqual(expect.arrayContaining(["201", "400", "403", "429", "500"]));
    expect(signup.security).toEqual([]);
  });

  it("marks exactly the way out of enforced two-factor (x-allowed-during-two-factor-setup) and documents the 403 everywhere else", async () => {
    const doc = (await openApiDocument()) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const open = operations.filter((operation) => operation["x-allowed-during-two-factor-setup"] === true).map((operation) => operation.operationId);
    expect(open.sort()).toEqual(
      [
        "health_retrieve",
        "auth_reauthenticate_create",
        "auth_lock_create",
        // Public: the challenges for signing in with a passkey (the button, and the autofill), before anyone is signed in.
        "auth_passkey_options_create",
        "auth_passkey_autofill_options_create",
        "reset_complete",
        "reset_create",
        "reset_retrieve",
        "schema_retrieve",
        "signup_create",
        "users_retrieve",
        "users_sessions_destroy",
        "users_sessions_list",
        "users_sessions_revoke_others_create",
        "users_start_2fa_setup_retrieve",
        "users_two_factor_backup_codes_create",
        "users_two_factor_start_setup_retrieve",
        "users_two_factor_status_retrieve",
        "users_two_factor_validate_create",
        "users_validate_2fa_create",
        // Public: links from mail, acting as nobody.
        "users_request_email_verification_create",
        "users_verify_email_create",
        // Public: GitHub's redirect back; it links only with a state the (gated) start created.
        "integrations_github_callback_retrieve",
      ].sort(),
    );
    for (const operation of operations) {
      expect(typeof operation["x-allowed-during-two-factor-setup"], String(operation.operationId)).toBe("boolean");
      const forbidden = (operation.responses as Record<string, { description?: string }>)["403"]?.description ?? "";
      expect(forbidden.includes("two_factor_setup_required"), String(operation.operationId)).toBe(operation["x-allowed-during-two-factor-setup"] === false);
    }
  });

  it("is served as JSON, and as YAML with ?format=yaml", async () => {
    const asJson = await call(schemaRoute, { path: "/api/schema" });
    expect(asJson.status).toBe(200);
    expect(asJson.body.openapi).toBe("3.1.0");
    const response = await schemaRoute(new NextRequest("http://localhost:3000/api/schema?format=yaml"), { params: Promise.resolve({}) });
    expect(response.headers.get("content-type")).toContain("yaml");
    expect(parse(await response.text())).toEqual(asJson.body);
    const bad = await call(schemaRoute, { path: "/api/schema?format=xml" });
    expect(bad.status).toBe(400);
    expect(bad.body.attr).toBe("format");
  });
});
