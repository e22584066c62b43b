/** Next calls this once when the server starts: a bad configuration value stops start-up, naming the variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, publishPublicUrl, validateEnv } = await import("./lib/env");
  const { peerAddressHeaderIsSet } = await import("./lib/client-address");
  try {
    validateEnv();
    publishPublicUrl();
    if (env.production && !env.trustProxy && !peerAddressHeaderIsSet()) {
      throw new Error("Start the app with `npm start` (node server.mjs): under plain `next start` it cannot tell clients apart, so per-client rate limits would trust a client-sent header.");
    }
  } catch (error) {
    // Next only logs an error thrown here and then serves 500s; an operator needs the process to stop.
    // Plain stderr: the logger itself depends on the configuration that just failed.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { installHttpGate } = await import("./lib/http-gate");
  installHttpGate();
}
