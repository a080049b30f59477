/**
 * Why a document could not be imported. One error per file, with a stable `reason` code and a message that
 * names the file, so the CLI can print one line per failed file and go on with the others.
 */
import { InvalidInputError } from '../graph/errors';

export type LoadFailureReason =
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'unsupported-format'
  | 'malformed-front-matter'
  | 'no-article-text'
  | 'too-deep'
  | 'content-mismatch'
  | 'no-text-layer'
  | 'encrypted'
  | 'corrupt';

export class DocumentLoadError extends InvalidInputError {
  readonly file: string;
  readonly reason: LoadFailureReason;

  constructor(file: string, reason: LoadFailureReason, message: string, options: { cause?: unknown } = {}) {
    super(`${file}: ${message}`, options);
    this.file = file;
    this.reason = reason;
  }
}
