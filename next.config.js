import { contentSecurityPolicy, securityHeaders } from "./lib/security-headers.mjs";

const development = process.env.NODE_ENV === "development";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Clients PATCH and POST to both `/api/users/x` and `/api/users/x/`: serve both, never redirect.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      // Everything but /api: the API wrapper sets the same headers on its answers (lib/security-headers.mjs says why).
      { source: "/:path((?!api/).*)", headers: securityHeaders({ https: Boolean(process.env.NEXTAUTH_URL?.startsWith("https://")), development }) },
      // Later rules override earlier ones for the same header key.
      { source: "/settings/hedgehog", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ allowEval: true, development }) }] },
    ];
  },
};

export default nextConfig;
