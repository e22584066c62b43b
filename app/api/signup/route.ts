import { errors } from "@/lib/api/errors";
import { json } from "@/lib/api/response";
import { publicEndpoint, route } from "@/lib/api/route";
import { env } from "@/lib/env";
import { clientIp, enforce, rateRules } from "@/lib/rate-limit";
import { signup } from "@/lib/users/signup";
import { signupSchema } from "@/lib/users/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: publicEndpoint({
    body: signupSchema,
    handler: async ({ request, body }) => {
      if (!env.signupEnabled) throw errors.permissionDenied("Sign-up is turned off on this instance.", "signup_disabled");
      await enforce(`signup:${clientIp(request.headers) ?? "any"}`, rateRules.signup());
      return json(await signup(body), { status: 201 });
    },
  }),
});
