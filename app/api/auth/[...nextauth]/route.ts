import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withThrottleResponse } from "@/lib/auth/signin-throttle";
import { requestIdFor, withRequestContext, withRequestIdHeader } from "@/lib/request-context";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context): Promise<Response> {
  const requestId = requestIdFor(request);
  // next-auth 4 reads `params.nextauth` synchronously; Next 16 hands params over as a promise.
  const params = await context.params;
  const response = await withRequestContext(requestId, () =>
    withThrottleResponse(() => NextAuth(request as never, { params } as never, authOptions()) as Promise<Response>),
  );
  return withRequestIdHeader(response, requestId);
}

export { handler as GET, handler as POST };
