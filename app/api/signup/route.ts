import { errors } from "@/lib/api/errors";
import { endpoint, route } from "@/lib/api/route";
import { env } from "@/lib/env";
import { signup } from "@/lib/users/signup";
import { signupResultSchema, signupSchema } from "@/lib/users/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "signup_create",
    summary: "Create an account",
    description: "Creates a user with a personal organization and project and sends a welcome mail. Operators can turn it off (`SIGNUP_ENABLED=false`: 403).",
    auth: "public",
    rateLimit: "signup",
    body: signupSchema,
    response: signupResultSchema,
    status: 201,
    errors: { 403: "Sign-up is turned off on this instance." },
    handler: async ({ body }) => {
      if (!env.signupEnabled) throw errors.permissionDenied("Sign-up is turned off on this instance.", "signup_disabled");
      return signup(body);
    },
  }),
});
