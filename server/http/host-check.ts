/**
 * The Host check against DNS rebinding: a web page whose name an attacker points at 127.0.0.1 reaches the
 * loopback API with its own name in `Host`, so only the names this server goes by are answered. Loopback
 * names count with the port this connection came in on; configured names (ALLOWED_HOSTS) with their port
 * when one is given, on any port otherwise (a reverse proxy presents its own).
 */
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../../graph/errors';

export interface AllowedHost {
  name: string; // lower case, IPv6 without brackets
  port?: number;
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'] as const;
const LOOPBACK = new Set<string>(LOOPBACK_NAMES);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased, a trailing dot dropped; undefined when malformed. */
export function parseHostHeader(value: string): AllowedHost | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  const name = (match[1] ?? match[2]).toLowerCase().replace(/\.$/, '');
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (name === '' || (port !== undefined && port > 65535)) return undefined;
  return { name, port };
}

function shown(host: AllowedHost): string {
  const name = host.name.includes(':') ? `[${host.name}]` : host.name;
  return host.port === undefined ? name : `${name}:${host.port}`;
}

export function isAllowedHost(host: AllowedHost, localPort: number, configured: readonly AllowedHost[]): boolean {
  // A browser leaves the port out for port 80 only.
  const port = host.port ?? 80;
  if (isLoopback(host.name) && port === localPort) return true;
  return configured.some(
    (allowed) => allowed.name === host.name && (allowed.port === undefined || allowed.port === port),
  );
}

/** Refuses (403 FORBIDDEN) a request whose Host is missing or not one of this server's names. */
export function requireKnownHost(configured: readonly AllowedHost[]): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.host ?? '';
    const host = parseHostHeader(header);
    const localPort = req.socket.localPort ?? 0;
    if (host && isAllowedHost(host, localPort, configured)) return next();
    const names = [...LOOPBACK_NAMES.map((name) => shown({ name, port: localPort })), ...configured.map(shown)];
    next(
      new ForbiddenError(
        `Host ${JSON.stringify(header.slice(0, 100))} is not a name of this server (${names.join(', ')}): ` +
          'open it by one of those, or add the name to ALLOWED_HOSTS.',
        { details: { rule: 'HOST' } },
      ),
    );
  };
}
