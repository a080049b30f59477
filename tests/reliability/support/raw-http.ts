/**
 * HTTP on loopback without a client library's help, so that a test can send what no well-behaved client
 * would: undecodable paths, lying Content-Length, any header. It resolves at the response's end, or at its
 * headers for an event stream (which never ends by itself), and then closes the socket.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RawRequest {
  method: string;
  /** Sent byte for byte: no encoding is applied. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

export interface Listening {
  port: number;
  send(request: RawRequest): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function listen(app: Express): Promise<Listening> {
  const server = await new Promise<http.Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: false });
  const send = (request: RawRequest): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      const headers: Record<string, string> = {
        host: `127.0.0.1:${port}`,
        ...(body && !request.headers?.['content-length'] ? { 'content-length': String(body.length) } : {}),
        ...request.headers,
      };
      const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent });
      req.setTimeout(30_000, () => req.destroy(new Error(`${request.method} ${request.path}: no answer in 30 s`)));
      req.on('error', reject);
      req.on('response', (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        const chunks: Buffer[] = [];
        const done = () => {
          resolve({ status: res.statusCode ?? 0, contentType, text: Buffer.concat(chunks).toString('utf8') });
          req.destroy();
        };
        if (contentType.startsWith('text/event-stream')) return done();
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', done);
        res.on('error', reject);
      });
      req.end(body);
    });
  return {
    port,
    send,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
