import type { Server as HttpsServer } from 'node:https';
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
