import net from "node:net";

/**
 * A loopback TCP proxy in front of PostgreSQL that a test can take down and bring back:
 * `refuse()` closes the port (connections are refused, as when the database is stopped),
 * `blackhole()` accepts connections and never answers (as behind a dead network path),
 * `restore()` forwards again. Either way, connections already open are cut.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly open = new Set<net.Socket>();
  private forwarding = true;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async refuse(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.cutAll();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async blackhole(): Promise<void> {
    this.forwarding = false;
    this.cutAll();
    if (!this.server) await this.start();
  }

  async restore(): Promise<void> {
    this.forwarding = true;
    this.cutAll();
    if (!this.server) await this.start();
  }

  async stop(): Promise<void> {
    await this.refuse();
  }

  private accept(client: net.Socket): void {
    this.track(client);
    if (!this.forwarding) return;
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", cut).on("close", cut);
    upstream.on("error", cut).on("close", cut);
  }

  private track(socket: net.Socket): void {
    this.open.add(socket);
    socket.on("close", () => this.open.delete(socket));
    socket.on("error", () => socket.destroy());
  }

  private cutAll(): void {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }
}
