/** A Bolt proxy to the test Neo4j that can be shut, cutting every connection through it, and opened again. */
import net from 'node:net';
import { testNeo4jSettings } from './neo4j';

export interface BoltProxy {
  port: number;
  /** Stops listening and cuts every connection: to the driver, Neo4j is gone. */
  shut(): Promise<void>;
  /** Listens again on the same port: Neo4j is back. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function startBoltProxy(): Promise<BoltProxy> {
  const target = new URL(testNeo4jSettings().uri.replace(/^bolt/, 'http'));
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as net.AddressInfo).port;
  const shut = async () => {
    const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    port,
    shut,
    reopen: () => new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      if (proxy.listening) await shut();
      for (const socket of sockets) socket.destroy();
    },
  };
}
