import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** One thing Firefox asked the proxy for: a CONNECT tunnel (`host:port`) or a plain-HTTP request (its URL). */
export interface ProxyAttempt {
  host: string;
  port: number;
  /** Where the tunnel went (a local port), or undefined when it was refused with 403. */
  routedTo?: number;
  at: number;
}

/**
 * The test's own HTTP proxy for Firefox (prefs `network.proxy.http`/`.ssl`): CONNECT to a routed host name on port
 * 443 is tunnelled to its local server (TLS, SNI and the Host header stay the real name's), everything else gets 403.
 * Every attempt is logged, so a test can count tunnels to a host and see every name Firefox tried to reach.
 */
export class ConnectProxy {
  readonly attempts: ProxyAttempt[] = [];
  private readonly routes = new Map<string, number>();
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  /** Starts the proxy on 127.0.0.1 with an OS-chosen port; `routes` maps host names to local ports. */
  static async start(routes: Record<string, number> = {}): Promise<ConnectProxy> {
    const server = createServer();
    const proxy = new ConnectProxy(server);
    for (const [host, port] of Object.entries(routes)) proxy.route(host, port);
    server.on('connection', (socket: Socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('connect', (req, client: Socket, head: Buffer) => {
      const [host = '', portText = ''] = (req.url ?? '').split(/:(?=\d+$)/);
      const port = Number(portText);
      const routedTo = port === 443 ? proxy.routes.get(host.toLowerCase()) : undefined;
      proxy.attempts.push({ host, port, routedTo, at: Date.now() });
      if (routedTo === undefined) {
        client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const upstream = connect(routedTo, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      proxy.sockets.add(upstream);
      upstream.on('close', () => proxy.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    // Plain-HTTP requests through the proxy (http://name/… off loopback): never served.
    server.on('request', (req, res) => {
      let url: URL | undefined;
      try {
        url = new URL(req.url ?? '');
      } catch {
        url = undefined;
      }
      proxy.attempts.push({ host: url?.hostname ?? req.url ?? '', port: Number(url?.port || 80), at: Date.now() });
      res.writeHead(403, { 'content-length': '0' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Tunnels `host`:443 to 127.0.0.1:`port` from now on (replacing an earlier route for it). */
  route(host: string, port: number): void {
    this.routes.set(host.toLowerCase(), port);
  }

  /** The tunnels opened to `host` (refused ones not counted). */
  tunnelsTo(host: string): ProxyAttempt[] {
    return this.attempts.filter((a) => a.host === host && a.routedTo !== undefined);
  }

  /** The host names that were refused, each once. */
  refusedHosts(): string[] {
    return [...new Set(this.attempts.filter((a) => a.routedTo === undefined).map((a) => a.host))];
  }

  /** Forgets the routes and the attempts logged so far. */
  reset(): void {
    this.routes.clear();
    this.attempts.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
