import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context): Promise<Response> {
  // next-auth 4 reads `params.nextauth` synchronously; Next 16 hands params over as a promise.
  const params = await context.params;
  return NextAuth(request as never, { params } as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
