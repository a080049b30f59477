/**
 * Security middleware: helmet headers with a CSP fit for the Vite-built sigma client (WebGL canvas,
 * a layout web worker from a blob: URL, inline style attributes set by sigma and CodeMirror), rate
 * limits (stricter on user Cypher and exports) and the API token check.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { UnauthorizedError } from '../../graph/errors';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // sigma, CodeMirror and Vite's CSS injection set style attributes and <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The layout runs in a worker that graphology-layout-forceatlas2 starts from a blob: URL.
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Served over plain HTTP on loopback by default: HSTS would poison localhost for other apps.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}

export interface RateLimits {
  windowMs: number;
  api: number; // requests per window and client on /api
  cypher: number; // requests per window and client on POST /api/cypher and /api/export
}

export const DEFAULT_RATE_LIMITS: RateLimits = { windowMs: 60_000, api: 600, cypher: 30 };

function limiter(windowMs: number, limit: number, what: string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        error: {
          code: 'RATE_LIMITED',
          message: `Too many ${what}: at most ${limit} per ${Math.round(windowMs / 1000)} s; wait and retry.`,
        },
      });
    },
  });
}

export function apiRateLimit(limits: RateLimits): RequestHandler {
  return limiter(limits.windowMs, limits.api, 'API requests');
}

export function cypherRateLimit(limits: RateLimits): RequestHandler {
  return limiter(limits.windowMs, limits.cypher, 'Cypher queries and exports');
}

/** Reads the token from `Authorization: Bearer <token>` or `X-Dossier-Token`. */
export function presentedToken(authorization: string | undefined, header: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return bearer?.[1] ?? header?.trim() ?? undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** When a token is configured, every API request must present it; otherwise 401 UNAUTHORIZED. */
export function requireToken(
  token: string | undefined,
  options: { queryTokenPaths?: readonly RegExp[] } = {},
): RequestHandler {
  // Routes a browser opens without headers (EventSource) may carry the token as `?access_token=`.
  const queryToken = (req: Parameters<RequestHandler>[0]): string | undefined => {
    if (!options.queryTokenPaths?.some((re) => re.test(req.path))) return undefined;
    const value = (req.query as Record<string, unknown>).access_token;
    return typeof value === 'string' && value ? value : undefined;
  };
  return (req, _res, next) => {
    if (!token) return next();
    const presented = presentedToken(req.get('authorization'), req.get('x-dossier-token')) ?? queryToken(req);
    if (!presented)
      return next(
        new UnauthorizedError('This API needs a token: send `Authorization: Bearer <token>` or `X-Dossier-Token`.'),
      );
    if (!sameSecret(presented, token)) return next(new UnauthorizedError('The API token is wrong.'));
    next();
  };
}
