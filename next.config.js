// Next's hydration uses inline scripts (a nonce would need every page rendered through the proxy),
// so scripts allow 'unsafe-inline'; the rest still shuts framing, plugins, foreign forms and
// foreign connections out. Dev's hot reload also needs eval.
// PostHog's animated hedgehog (pixi.js, bundled inside @posthog/hedgehog-mode) compiles its shader
// glue with `new Function`, and its bundled pixi cannot be given pixi's no-eval polyfill: only the
// hedgehog page's document also allows eval, and the blob: workers pixi decodes images in.
const contentSecurityPolicy = ({ allowEval }) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" || allowEval ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(allowEval ? ["worker-src 'self' blob:"] : []),
  ].join("; ");

/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy({ allowEval: false }) },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.NEXTAUTH_URL?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
    : []),
];

const nextConfig = {
  // Clients PATCH and POST to both `/api/users/x` and `/api/users/x/`: serve both, never redirect.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Later rules override earlier ones for the same header key.
      { source: "/settings/hedgehog", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ allowEval: true }) }] },
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
