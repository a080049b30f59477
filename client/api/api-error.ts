/**
 * Errors from the API in plain words: each code the server answers with (and a network failure) becomes
 * a sentence that says what happened and what to do. Pure, so tests pin the wording of the advice.
 */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number;
  /** The answer's `error.details` as sent (e.g. where in a Cypher query the error is). */
  readonly details?: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const NETWORK_ERROR = 'NETWORK';

/** The sentence shown to the user for a failed request. */
export function plainMessage(error: unknown): string {
  if (!(error instanceof ApiRequestError)) {
    return `Something went wrong in the explorer: ${error instanceof Error ? error.message : String(error)}`;
  }
  const detail = error.message ? ` (${error.message})` : '';
  switch (error.code) {
    case NETWORK_ERROR:
      return 'The Dossier server is unreachable: is `npm start` running?';
    case 'DATABASE_UNAVAILABLE':
      return `Neo4j is unreachable: is \`npm start\` running?${detail}`;
    case 'QUERY_REJECTED':
      return `Refused: the console only runs read-only queries. ${error.message}`.trim();
    case 'QUERY_TIMEOUT':
      return `The query took too long and was stopped. Add a LIMIT or narrow the MATCH. ${error.message}`.trim();
    case 'INVALID_INPUT':
      return `The request was not valid: ${error.message}`;
    case 'NOT_FOUND':
      return `Not found: ${error.message}`;
    case 'RATE_LIMITED':
      return `Too many requests at once: wait a little and try again.${detail}`;
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return `The server refused access: check DOSSIER_TOKEN.${detail}`;
    default:
      return `The server answered ${error.status || 'with an error'}${detail}`;
  }
}

/** Turns a failed fetch Response's body into an ApiRequestError. */
export function errorFromBody(status: number, body: unknown): ApiRequestError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : status === 503 ? 'DATABASE_UNAVAILABLE' : 'HTTP_ERROR';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiRequestError(code, status, message, error?.details);
}

/** The console's wording: a rejected request there is almost always a Cypher syntax or parameter error. */
export function cypherErrorMessage(error: unknown): string {
  if (error instanceof ApiRequestError && error.code === 'INVALID_INPUT') {
    return `The query is not valid Cypher: ${error.message.replace(/^Cypher:\s*/, '')}`;
  }
  return plainMessage(error);
}

/** Where the server placed a Cypher error (line and column from 1), if it did: the console marks it there. */
export function cypherErrorPosition(error: unknown): { line: number; column: number } | null {
  if (!(error instanceof ApiRequestError)) return null;
  const position = (error.details as { position?: { line?: unknown; column?: unknown } } | null | undefined)?.position;
  const { line, column } = position ?? {};
  return typeof line === 'number' && typeof column === 'number' && line >= 1 && column >= 1 ? { line, column } : null;
}
