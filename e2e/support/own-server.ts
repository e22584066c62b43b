import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

import { SERVER_NODE_FLAGS } from "../../server-flags.mjs";
/** A free loopback port, chosen by the OS. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A second server of the built app (`npm start`'s server.mjs) that a test owns, with its own environment, its output
 * kept so the test can read the log.
 */
export class OwnServer {
  private child: ChildProcess | null = null;
  private chunks: string[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    /** The name its public URL uses: `localhost` where the browser needs a domain (WebAuthn refuses IP addresses). */
    private readonly host: "127.0.0.1" | "localhost" = "127.0.0.1",
  ) {}

  get baseURL(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** Everything the server wrote to stdout and stderr so far. */
  output(): string {
    return this.chunks.join("");
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "server.mjs", "-p", String(this.port), "-H", "127.0.0.1"], {
      env: { ...process.env, ...this.env, PORT: String(this.port), NEXTAUTH_URL: this.baseURL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => this.chunks.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => this.chunks.push(chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the server exited:\n${this.output()}`);
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/api/health`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the server did not become healthy:\n${this.output()}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}
