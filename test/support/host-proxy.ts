/**
 * Real host names → the loopback stand-ins, for a browser that has no
 * --host-resolver-rules (Firefox): a proxy auto-config script sends every
 * request to a small CONNECT proxy here, which tunnels each mapped host's
 * port 443 to its local server and refuses everything else (there is no
 * internet to reach, and nothing should try).
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A host name (`www.instagram.com`) or every name under a domain (`*.fbcdn.net`), and the local port it goes to. */
export interface HostRoute {
  host: string;
  port: number;
}

export interface HostProxy {
  port: number;
  /** A proxy auto-config script sending every request to this proxy. */
  pac: string;
  /** Each CONNECT asked for, in order, e.g. "www.instagram.com:443 → 40123" or "example.com:443 refused". */
  readonly log: readonly string[];
  close(): Promise<void>;
}

/** The local port `host` maps to, or undefined. A `*.` route matches names below the domain, not the domain itself. */
export function routeFor(routes: readonly HostRoute[], host: string): number | undefined {
  const name = host.toLowerCase();
  return routes.find((r) => (r.host.startsWith('*.') ? name.endsWith(r.host.slice(1)) : name === r.host))?.port;
}

export async function startHostProxy(routes: readonly HostRoute[]): Promise<HostProxy> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  // Plain http:// requests (not tunnelled) are refused: the stand-ins speak TLS only.
  const server: Server = createServer((req, res) => {
    log.push(`${req.method} ${req.url} refused`);
    res.writeHead(403).end();
  });
  server.on('connection', track);
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host = '', portText = ''] = (req.url ?? '').split(':');
    const port = portText === '443' ? routeFor(routes, host) : undefined;
    if (port === undefined) {
      log.push(`${req.url} refused`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    log.push(`${req.url} → ${port}`);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    // Everything goes through the proxy; it alone decides what is reachable.
    pac: `function FindProxyForURL(url, host) { return 'PROXY 127.0.0.1:${port}'; }`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
