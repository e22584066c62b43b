/** Next calls this once when the server starts: a bad configuration value stops start-up, naming the variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnv } = await import("./lib/env");
  validateEnv();
}
