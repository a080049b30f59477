/**
 * The one error middleware: maps named errors to HTTP statuses and answers
 * `{ "error": { "code", "message", "details"? } }`. Unknown errors are logged and answered as 500
 * without internals.
 */
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { DossierError } from '../../graph/errors';
import { isUnavailable } from '../../graph/neo4j/connection';

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  QUERY_REJECTED: 403,
  NOT_FOUND: 404,
  QUERY_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
};

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
  if (isUnavailable(error)) {
    res.status(503).json({
      error: {
        code: 'DATABASE_UNAVAILABLE',
        message: 'Neo4j is unreachable: is `npm start` running, or is NEO4J_URI right?',
      },
    });
    return;
  }
  const status = typeof error?.status === 'number' ? error.status : 500;
  if (status === 413) {
    res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } });
    return;
  }
  if (status === 400 && error?.type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server; see its log.' } });
};
