import { json, noContent } from "@/lib/api/response";
import { endpoint, route } from "@/lib/api/route";
import { userPatchSchema } from "@/lib/users/schemas";
import { deleteUser, getUser, updateUser } from "@/lib/users/service";
import { resolveSubject } from "@/lib/users/subject";
import { userPathSchema } from "@/lib/users/path-params";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    scope: "user:read",
    params: userPathSchema,
    handler: async ({ principal, params }) => json(await getUser(principal, await resolveSubject(principal, params.uuid))),
  }),
  PATCH: endpoint({
    scope: "user:write",
    params: userPathSchema,
    body: userPatchSchema,
    handler: async ({ principal, params, body }) =>
      json(await updateUser(principal, await resolveSubject(principal, params.uuid), body)),
  }),
  DELETE: endpoint({
    scope: "user:write",
    sessionOnly: true,
    params: userPathSchema,
    handler: async ({ principal, params }) => {
      await deleteUser(await resolveSubject(principal, params.uuid));
      return noContent();
    },
  }),
});
