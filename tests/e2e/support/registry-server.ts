import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** The registry host names the production build calls; the fixture server answers for all of them. */
export const REGISTRY_HOSTS = ['api.kvk.nl', 'ec.europa.eu', 'api.kbodata.app'] as const;

/** What a handler sees of one request. */
export interface FixtureRequest {
  host: string;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request as recorded: enough to count requests and to check which credentials went where. */
export interface RecordedRequest {
  host: string;
  method: string;
  path: string;
  /** The credentials the request carried: KVK's `apikey` header and HTTP basic/bearer `authorization`. */
  credentials: { apikey?: string; authorization?: string };
  body: string;
  at: number;
}

/**
 * How to answer. `destroy` resets the connection without an answer; `delayMs` answers late. `pass: true` answers
 * nothing itself: its `delayMs` is added and its `headers` merged into the answer of the next handler that answers
 * (latency and keep-alive knobs use it).
 */
export interface FixtureReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  delayMs?: number;
  destroy?: boolean;
  pass?: boolean;
}

/**
 * Answers a request, or returns undefined to let the next handler try. A handler marked `passThrough` only watches,
 * delays or adds headers (its replies have `pass: true`): it is tried before all others wherever it was added.
 */
export type FixtureHandler = ((req: FixtureRequest) => FixtureReply | undefined | Promise<FixtureReply | undefined>) & {
  passThrough?: boolean;
};

/** A local server standing in for KVK, VIES and kbodata.app (or a gateway to them); it records every request. */
export class RegistryServer {
  readonly requests: RecordedRequest[] = [];
  private overrides: FixtureHandler[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly handlers: readonly FixtureHandler[],
  ) {}

  /**
   * Starts the server on 127.0.0.1 with an OS-chosen port: HTTPS with `key` and `cert`, plain HTTP without (an
   * organisation's gateway on this computer).
   */
  static async start(options: { key?: string; cert?: string; handlers?: FixtureHandler[] }): Promise<RegistryServer> {
    const { key, cert } = options;
    const server = key && cert ? createServer({ key, cert }) : createHttpServer();
    const registry = new RegistryServer(server, options.handlers ?? []);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const host = (req.headers.host ?? '').replace(/:\d+$/, '');
        const url = new URL(req.url ?? '/', `https://${host}`);
        const body = Buffer.concat(chunks).toString('utf8');
        const credentials: RecordedRequest['credentials'] = {};
        if (typeof req.headers.apikey === 'string') credentials.apikey = req.headers.apikey;
        if (req.headers.authorization) credentials.authorization = req.headers.authorization;
        registry.requests.push({
          host,
          method: req.method ?? 'GET',
          path: url.pathname + url.search,
          credentials,
          body,
          at: Date.now(),
        });
        void registry
          .answer({ host, method: req.method ?? 'GET', url, headers: req.headers, body })
          .then(async (reply) => {
            if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
            if (reply.destroy) return req.socket.destroy();
            const isText = typeof reply.body === 'string';
            res.writeHead(reply.status ?? 200, {
              'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
              ...reply.headers,
            });
            res.end(reply.body === undefined ? '' : isText ? reply.body : JSON.stringify(reply.body));
          })
          .catch((error: unknown) => {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(`fixture handler failed: ${String(error)}`);
          });
      });
    });
    server.on('connection', (socket: Socket) => {
      registry.sockets.add(socket);
      socket.on('close', () => registry.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return registry;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Puts a handler before the default ones (a fault, a special answer) until `reset()`. */
  use(handler: FixtureHandler): void {
    this.overrides.unshift(handler);
  }

  /** Forgets recorded requests and test-specific handlers. */
  reset(): void {
    this.requests.length = 0;
    this.overrides = [];
  }

  /** The recorded requests to one host. */
  requestsTo(host: string): RecordedRequest[] {
    return this.requests.filter((r) => r.host === host);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: FixtureRequest): Promise<FixtureReply> {
    return answerWith([...this.overrides, ...this.handlers], req);
  }
}

/**
 * Runs a request through handlers as the server does: `passThrough` handlers first, then the others in order; the
 * first reply without `pass` answers, with the delays and headers of the `pass` replies before it added; nobody
 * answering gives a 404 naming the request. Unit tests call it in-process.
 */
export async function answerWith(handlers: readonly FixtureHandler[], req: FixtureRequest): Promise<FixtureReply> {
  let delayMs = 0;
  let headers: Record<string, string> | undefined;
  const withPassed = (reply: FixtureReply): FixtureReply => {
    const merged = headers ? { ...reply, headers: { ...reply.headers, ...headers } } : reply;
    return delayMs ? { ...merged, delayMs: delayMs + (reply.delayMs ?? 0) } : merged;
  };
  const ordered = [...handlers.filter((h) => h.passThrough), ...handlers.filter((h) => !h.passThrough)];
  for (const handler of ordered) {
    const reply = await handler(req);
    if (!reply) continue;
    if (reply.pass) {
      delayMs += reply.delayMs ?? 0;
      if (reply.headers) headers = { ...headers, ...reply.headers };
      continue;
    }
    return withPassed(reply);
  }
  return withPassed({ status: 404, body: { error: `no fixture for ${req.method} ${req.host}${req.url.pathname}` } });
}
