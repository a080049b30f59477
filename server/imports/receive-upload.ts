/**
 * Reads a multipart upload (parts named `files`) onto disk with busboy, file by file as it streams, under
 * the limits of the configuration: a file over the per-file limit is cut off, kept out and reported as too
 * large while the others are kept; more files than allowed, or more bytes than the per-request limit, refuse
 * the whole request (413) and keep nothing. The rest of a refused request is still read and dropped, so the
 * client gets the answer instead of a reset connection.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream';
import path from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { InvalidInputError, PayloadTooLargeError } from '../../graph/errors';
import type { Config } from '../config';
import { checkUploadName } from './upload-names';

export interface ReceivedFile {
  name: string;
  /** Where its bytes are; absent for a file refused on arrival. */
  path?: string;
  refused?: { code: string; reason: string };
}

type Limits = Config['uploads'];

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toPrecision(3))} MB`;
}

export function receiveUpload(req: Request, dir: string, limits: Limits): Promise<ReceivedFile[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as UTF-8; busboy's default reads them as Latin-1.
        defParamCharset: 'utf8',
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: 10_000 },
      });
    } catch (error) {
      reject(new InvalidInputError(`POST /api/documents: ${(error as Error).message}`, { cause: error }));
      return;
    }
    const files: ReceivedFile[] = [];
    const writes: Array<Promise<void>> = [];
    const writing = new Set<{ destroy(): void }>();
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // The request will send no more: the files being written end here (their pipelines settle).
      for (const stream of writing) stream.destroy();
      // Files already being written are closed before their folder is dropped.
      void Promise.allSettled(writes).then(() => reject(error));
    };
    let total = 0;
    let refusal: Error | undefined;
    const refuse = (error: Error): void => {
      refusal ??= error;
    };

    parser.on('file', (field, stream, info) => {
      if (refusal) return void stream.resume();
      if (field !== 'files') {
        stream.resume();
        return refuse(new InvalidInputError(`POST /api/documents: file parts must be named "files", not "${field}"`));
      }
      const checked = checkUploadName(info.filename ?? '');
      if (!checked.ok) {
        stream.resume();
        files.push({ name: checked.shown, refused: { code: 'bad-name', reason: checked.reason } });
        return;
      }
      const file: ReceivedFile = { name: checked.name, path: path.join(dir, String(files.length)) };
      files.push(file);
      const out = createWriteStream(file.path!, { flags: 'wx', mode: 0o600 });
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.maxRequestBytes)
          refuse(
            new PayloadTooLargeError(
              `POST /api/documents: the upload is over the ${megabytes(limits.maxRequestBytes)} limit per request (UPLOAD_MAX_REQUEST_MB); send fewer or smaller files at once`,
              { details: { limit: limits.maxRequestBytes } },
            ),
          );
      });
      stream.on('limit', () => {
        file.refused = {
          code: 'too-large',
          reason: `${file.name}: file is over the ${megabytes(limits.maxFileBytes)} limit per file (UPLOAD_MAX_FILE_MB)`,
        };
      });
      // pipeline closes the file whatever happens to the request (an aborted upload errors the part's
      // stream), so every write settles and the folder can go.
      writing.add(out);
      writes.push(
        new Promise((done, failed) =>
          pipeline(stream, out, (error) => {
            writing.delete(out);
            if (error && !settled) failed(error);
            else done();
          }),
        ),
      );
    });
    parser.on('filesLimit', () =>
      refuse(
        new PayloadTooLargeError(
          `POST /api/documents: more than ${limits.maxFiles} files in one request (UPLOAD_MAX_FILES); send them in several`,
          { details: { limit: limits.maxFiles } },
        ),
      ),
    );
    parser.on('error', (error: Error) => {
      // busboy refuses a part whose header holds a raw control character, which is how a file name with
      // one arrives from a browser: the whole request can then not be read any further.
      const why = /malformed part header/i.test(error.message)
        ? 'a part header is malformed (a file name with control characters?); rename the file'
        : error.message;
      fail(new InvalidInputError(`POST /api/documents: ${why}`, { cause: error }));
    });
    parser.on('close', () => {
      if (settled) return;
      Promise.all(writes).then(() => {
        if (settled) return;
        settled = true;
        for (const f of files) {
          // A file cut off at its limit is never read: its partial bytes go now.
          if (f.refused && f.path) {
            rmSync(f.path, { force: true });
            delete f.path;
          }
        }
        if (refusal) reject(refusal);
        else if (!files.length)
          reject(new InvalidInputError('POST /api/documents: no file in the request; send parts named "files"'));
        else resolve(files);
      }, fail);
    });
    // A browser closed mid-upload: nothing of the request is kept, and no job is made.
    req.on('close', () => {
      if (!req.complete) fail(new InvalidInputError('POST /api/documents: the upload was aborted'));
    });
    req.pipe(parser);
  });
}
