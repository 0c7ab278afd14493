import type { IncomingHttpHeaders } from 'node:http';
import { request, type Server as HttpsServer } from 'node:https';
import type { Http2SecureServer } from 'node:http2';
import type { Socket } from 'node:net';

/** The loopback servers: HTTPS, or HTTP/2 with HTTP/1.1 allowed. */
export type TlsServer = HttpsServer | Http2SecureServer;

const openSockets = new WeakMap<TlsServer, Set<Socket>>();

/** Listens on loopback only: these servers stand in for real hosts and must not be reachable from outside. */
export function listen(server: TlsServer, port: number): Promise<void> {
  const sockets = new Set<Socket>();
  openSockets.set(server, sockets);
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Closes even with keep-alive connections or HTTP/2 sessions open (browsers hold them) and pending delayed answers. */
export function closeServer(server: TlsServer, timers: Set<NodeJS.Timeout> = new Set()): Promise<void> {
  for (const t of timers) clearTimeout(t);
  timers.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of openSockets.get(server) ?? []) socket.destroy();
  });
}

/** An answer as a Node client received it. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/**
 * A Node HTTPS request to a loopback stand-in, as a browser's would reach it
 * by name: it trusts only `ca` (the test certificate) and checks `host`
 * against it.
 */
export function requestOver(
  port: number,
  path: string,
  { ca, host = 'api.sociavault.com', method = 'GET', headers = {} }: { ca: string; host?: string; method?: string; headers?: Record<string, string> },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, servername: host, ca, headers: { Host: host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
