// The API reference, rendered by Scalar from /api/schema. Everything is served from this origin
// (the renderer's script from our own node_modules, no web fonts), so the CSP holds.
const configuration = {
  url: "/api/schema",
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  telemetry: false,
  metaData: { title: "Account settings API" },
};

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Account settings API reference</title>
    <link rel="icon" href="/icon.svg" type="image/svg+xml" />
  </head>
  <body>
    <script id="api-reference" data-url="/api/schema" data-configuration="${JSON.stringify(configuration).replaceAll('"', "&quot;")}"></script>
    <script src="/docs/scalar.js"></script>
  </body>
</html>
`;

export function GET(): Response {
  return new Response(page, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
