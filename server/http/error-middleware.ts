/**
 * The one error middleware: maps named errors to HTTP statuses and answers
 * `{ "error": { "code", "message", "details"? } }`. Errors that Express's router and body parser raise with
 * a 4xx status (a malformed percent-encoding in the path, an unsupported charset or Content-Encoding, a body
 * that does not inflate) keep that status. Driver errors arrive already named (graph/neo4j/transaction.ts opens
 * every session). Unknown errors are logged and answered as 500 without internals.
 */
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { DossierError } from '../../graph/errors';

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  QUERY_REJECTED: 403,
  NOT_FOUND: 404,
  QUERY_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_BUSY: 503,
};

/** Codes for the 4xx statuses Express and its body parser set; any other 4xx keeps its status as INVALID_INPUT. */
const CODE_BY_STATUS: Record<number, string> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  charset?: unknown;
  message?: unknown;
}

/** What a client can do about a 4xx from Express's router or body parser, by the `type` they tag it with. */
function describeHttpError(error: HttpError, status: number): string {
  if (error instanceof URIError) {
    return 'The URL has a malformed percent-encoding: encode ids and parameters with encodeURIComponent.';
  }
  switch (error.type) {
    case 'entity.parse.failed':
      return 'The request body is not valid JSON.';
    case 'entity.too.large':
      return 'The request body is too large.';
    case 'charset.unsupported':
      return `Unsupported charset${typeof error.charset === 'string' ? ` "${error.charset}"` : ''}: send the JSON body as UTF-8.`;
    case 'encoding.unsupported':
      return 'Unsupported Content-Encoding: send the body as identity, gzip, deflate or br.';
    case 'request.aborted':
      return 'The request was aborted before its body arrived.';
    case 'request.size.invalid':
      return 'The request body is shorter or longer than its Content-Length.';
  }
  // A body that claims gzip, deflate or br but does not inflate arrives here as a zlib error.
  if (status === 400) return 'The request body could not be read: check its Content-Encoding and Content-Type.';
  return typeof error.message === 'string' ? error.message : 'The request was refused.';
}

function clientErrorStatus(error: HttpError): number | undefined {
  const status = typeof error.status === 'number' ? error.status : error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export const errorMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  void _next;
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const field = first?.path.join('.') || 'request';
    res.status(400).json({
      error: { code: 'INVALID_INPUT', message: `Invalid ${field}: ${first?.message}`, details: error.issues },
    });
    return;
  }
  if (error instanceof DossierError) {
    res
      .status(STATUS_BY_CODE[error.code] ?? 500)
      .json({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  const status = error && typeof error === 'object' ? clientErrorStatus(error as HttpError) : undefined;
  if (status !== undefined) {
    res.status(status).json({
      error: {
        code: CODE_BY_STATUS[status] ?? 'INVALID_INPUT',
        message: describeHttpError(error as HttpError, status),
      },
    });
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server; see its log.' } });
};
