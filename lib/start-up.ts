import { env, publishPublicUrl, validateEnv } from "./env";
import { peerAddressHeaderIsSet } from "./client-address";
import { installHttpGate } from "./http-gate";

/** The Node server's start: a bad configuration stops the process, naming the variable. */
export function startUp(): void {
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
  installHttpGate();
}
