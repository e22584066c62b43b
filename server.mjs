// The app's server entry (`npm start`): Next's production server, plus the one thing `next start`
// cannot do — tell the app who is connected. Next keeps a client-sent X-Forwarded-For, so every
// request gets `x-peer-address` from the TCP socket, replacing whatever the client sent;
// lib/client-address.ts reads it (or, with TRUST_PROXY=true, the proxy's X-Forwarded-For).
//
//   node server.mjs [-p|--port PORT] [-H|--hostname HOST]    (defaults: $PORT or 3000, all interfaces)
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: containers set it to their own name, which is not an interface to listen on.
const hostname = values.hostname;
process.env.NODE_ENV ??= "production";
process.env.PORT = String(port);

// Must match PEER_ADDRESS_HEADER and PEER_ADDRESS_MARKER in lib/client-address.ts.
const PEER_ADDRESS_HEADER = "x-peer-address";
globalThis[Symbol.for("account-settings.peer-address-header")] = true;

const { default: next } = await import("next");
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
// Longer than clients' own idle timeouts (browsers, load balancers ~60 s), so the server does not
// close a kept-alive connection just as a client sends on it (an ECONNRESET for that request).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`ready on http://${hostname ?? "localhost"}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
