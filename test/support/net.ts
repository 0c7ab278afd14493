import type { Server } from 'node:https';

/** Listens on loopback only: these servers stand in for real hosts and must not be reachable from outside. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Closes even with keep-alive connections open (browsers hold them) and pending delayed answers. */
export function closeServer(server: Server, timers: Set<NodeJS.Timeout> = new Set()): Promise<void> {
  for (const t of timers) clearTimeout(t);
  timers.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
