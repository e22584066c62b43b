// Throughput and latency of GET /api/users/@me against a running app, next to GET /api/health
// (one trivial query) as the framework's own ceiling on this machine. Bounded in time; loopback only.
//   node bench/get-me.mjs [--url http://127.0.0.1:3000] [--email E --password P] [--seconds 10] [--concurrency 16]
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    email: { type: "string", default: "admin@example.com" },
    password: { type: "string", default: "hedgehog-admin-demo" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "16" },
  },
});
const base = new URL(values.url);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error("benchmarks run against loopback only");

async function signIn() {
  const csrf = await fetch(new URL("/api/auth/csrf", base));
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const response = await fetch(new URL("/api/auth/callback/credentials", base), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: values.email, password: values.password, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error("sign-in failed; pass --email/--password of an existing account");
  return session;
}

async function run(path, cookie) {
  const seconds = Number(values.seconds);
  const deadline = performance.now() + seconds * 1000;
  const latencies = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await fetch(new URL(path, base), { headers: cookie ? { cookie } : {} });
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`${path.padEnd(20)} ${(latencies.length / seconds).toFixed(0).padStart(6)} req/s  p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  non-200: ${errors}`);
}

const cookie = await signIn();
console.log(`${values.concurrency} concurrent clients, ${values.seconds} s each, ${base.origin}`);
await run("/api/health", null);
await run("/api/users/@me", cookie);
