import { readFile } from "node:fs/promises";
import path from "node:path";

// Scalar's self-contained browser build, read from the installed package once per process.
let script: Promise<Buffer> | undefined;

function scalarBundle(): Promise<Buffer> {
  script ??= readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js"));
  return script;
}

export async function GET(): Promise<Response> {
  return new Response(new Uint8Array(await scalarBundle()), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
