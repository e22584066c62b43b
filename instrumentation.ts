/** Next calls this once when the server starts; the Node-only work lives in lib/start-up.ts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/start-up");
  startUp();
}
