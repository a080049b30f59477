/**
 * The short set of named errors every layer throws. Each has a stable `code`; the server's one error
 * middleware maps codes to HTTP statuses, and tests assert on `name`/`code`, not on wording.
 */
export abstract class DossierError extends Error {
  abstract readonly code: string;
  readonly details?: unknown;

  constructor(message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details;
  }
}

export class InvalidInputError extends DossierError {
  readonly code = 'INVALID_INPUT';
}

export class NotFoundError extends DossierError {
  readonly code = 'NOT_FOUND';
}

export class QueryRejectedError extends DossierError {
  readonly code = 'QUERY_REJECTED';
}

export class QueryTimeoutError extends DossierError {
  readonly code = 'QUERY_TIMEOUT';
}

export class DatabaseUnavailableError extends DossierError {
  readonly code = 'DATABASE_UNAVAILABLE';
}

/** Neo4j answers but could not finish a transaction, even after the driver's retries (a deadlock, a lock wait). */
export class DatabaseBusyError extends DossierError {
  readonly code = 'DATABASE_BUSY';
}

export class ForbiddenError extends DossierError {
  readonly code = 'FORBIDDEN';
}

export class UnauthorizedError extends DossierError {
  readonly code = 'UNAUTHORIZED';
}

/** A request carries more than a configured limit allows (upload size, number of files). */
export class PayloadTooLargeError extends DossierError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** The embedded Neo4j could not start; `reason` tells which fix applies. */
export class Neo4jStartError extends DossierError {
  readonly code = 'NEO4J_START_FAILED';
  constructor(
    readonly reason:
      'NO_JAVA' | 'OLD_JAVA' | 'MAVEN_FAILED' | 'PORT_IN_USE' | 'DATA_DIR_LOCKED' | 'TIMEOUT' | 'CRASHED',
    message: string,
    options: { cause?: unknown; details?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** One document of an import could not be stored; the others were. `details` names it. */
export class DocumentNotStoredError extends DossierError {
  readonly code = 'DOCUMENT_NOT_STORED';
}
