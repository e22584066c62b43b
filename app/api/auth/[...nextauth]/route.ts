import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { guarded } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";
import { withThrottleResponse } from "@/lib/auth/signin-throttle";
import { assertNextAuthRoute, inEnvelope, nextAuthOptions } from "@/lib/auth/next-auth-errors";
import { refusedMethodOf } from "@/lib/http-gate";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's handler inside the API wrapper, so its own errors answer in the envelope too. */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return guarded(request, async () => {
    // next-auth 4 reads `params.nextauth` synchronously; Next 16 hands params over as a promise.
    const params = await context.params;
    const action = params.nextauth[0];
    if (request.method === "OPTIONS") return nextAuthOptions(action, refusedMethodOf(request));
    assertNextAuthRoute(request.method, action);
    return inEnvelope(await withThrottleResponse(() => NextAuth(request as never, { params } as never, authOptions()) as Promise<Response>));
  });
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
