// The API reference, rendered by Scalar from /api/schema. Everything is served from this origin
// (the renderer's script from our own node_modules, no web fonts), so the CSP holds.
import { env } from "@/lib/env";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const configuration = (appName: string) => ({
  url: "/api/schema",
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  telemetry: false,
  metaData: { title: `${appName} API` },
});

const page = (appName: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(appName)} API reference</title>
    <link rel="icon" href="/icon.svg" type="image/svg+xml" />
  </head>
  <body>
    <script id="api-reference" data-url="/api/schema" data-configuration="${escapeHtml(JSON.stringify(configuration(appName)))}"></script>
    <script src="/docs/scalar.js"></script>
  </body>
</html>
`;

export function GET(): Response {
  return new Response(page(env.appName), { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
