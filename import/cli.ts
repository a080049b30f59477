/**
 * `npm run import -- <files, folders or globs> [--json FILE]`
 *
 * Extracts a graph of people, states, organisations, places, treaties and events from news documents
 * (.txt, .md with YAML front matter, .html, .pdf with a text layer, .docx) and stores each document in Neo4j as
 * soon as it is extracted (whole or not at all), or writes it as graphology JSON with --json. Exit code 0 when every document imported, 1 when some failed (one line
 * per failed file on stderr), 2 for a usage error.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { ExtractedDocument } from '../graph/model/types';
import { extractFiles, type ExtractFailure, type ExtractResult } from './extract';
import { openEngine, type NlpEngine } from './engine/nlp-engine';
import { expandInputs } from './files';
import { toGraphologyJson } from './graphology-json';
import { formatSummary, summarise } from './summary';
import { documentTimeoutFromEnv } from './document-deadline';

const HELP = `Usage: npm run import -- [options] <file|folder|glob>...

Reads news and analysis documents and builds a graph of Person, State, Organization, Place, Treaty and
Event entities whose relations carry the sentences they come from.

Inputs:
  file          a .txt, .md (optional YAML front matter: title, date, source, url), .html, .pdf (its
                text layer, with page numbers) or .docx (Word) file; the content must match the name
  folder        every supported file below it
  glob          e.g. "data/corpus/**/*.md" (quote it so the shell leaves it alone)

Options:
  --json FILE   write the graph as graphology JSON (graph.export()) to FILE; no database is used
  --follow-symlinks
                read the files symbolic links point to (and walk linked folders); without it every
                link is refused with a line naming it, and no folder is left through one
  --help        show this help

Without --json the graph is stored in Neo4j: NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
when set, otherwise the embedded Neo4j of \`npm start\` (reused when running, started otherwise).
Each document is stored as soon as it is extracted, whole or not at all, so a file that fails never
costs the others; importing the same content again changes nothing, and a changed file replaces what its
previous version contributed. Each document has IMPORT_DOCUMENT_TIMEOUT_MS (default 120000) from
reading to its last rule; past it that document fails, naming the stage, and the others go on.

Exit status: 0 when every document imported, 1 when some failed, 2 for a usage error.`;

export interface CliOptions {
  inputs: string[];
  json?: string;
  followSymlinks: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { inputs: [], followSymlinks: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--follow-symlinks') options.followSymlinks = true;
    else if (arg === '--json') {
      const file = argv[++i];
      if (!file || file.startsWith('--')) throw new UsageError('--json needs a file name');
      options.json = file;
    } else if (arg.startsWith('--json=')) options.json = arg.slice('--json='.length);
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.inputs.push(arg);
  }
  return options;
}

class UsageError extends Error {}

interface Progress {
  start(total: number, label: string): void;
  tick(file: string, ok: boolean, detail?: string): void;
  /** A line between the ticks (not shown over a progress bar). */
  note(line: string): void;
  stop(): void;
}

function progress(): Progress {
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: '{label} [{bar}] {value}/{total} {file}',
        stream: process.stderr,
        clearOnComplete: true,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let label = '';
    return {
      start: (total, l) => {
        label = l;
        bar.start(total, 0, { label, file: '' });
      },
      tick: (file) => bar.increment({ label, file: path.basename(file) }),
      note: () => undefined,
      stop: () => bar.stop(),
    };
  }
  let count = 0;
  let total = 0;
  let label = '';
  return {
    start: (t, l) => {
      count = 0;
      total = t;
      label = l;
      process.stderr.write(`${label} ${total} document${total === 1 ? '' : 's'}\n`);
    },
    tick: (file, ok, detail) =>
      process.stderr.write(
        `${label} [${++count}/${total}] ${file}: ${ok ? 'ok' : 'failed'}${detail ? ` (${detail})` : ''}\n`,
      ),
    note: (line) => process.stderr.write(`${line}\n`),
    stop: () => undefined,
  };
}

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!options.inputs.length) {
    process.stderr.write(`import: no input files\n\n${HELP}\n`);
    return 2;
  }
  const started = Date.now();
  const files = expandInputs(options.inputs, { followSymlinks: options.followSymlinks });
  const failures: ExtractFailure[] = [];
  if (!files.length) {
    process.stderr.write(`import: nothing matches ${options.inputs.join(' ')}\n`);
    return 1;
  }
  let timeoutMs: number;
  try {
    timeoutMs = documentTimeoutFromEnv();
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n`);
    return 2;
  }
  let engine: NlpEngine;
  try {
    engine = await openEngine({ log: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n`);
    return 1;
  }
  const bar = progress();
  let stored: ExtractedDocument[];
  if (options.json) {
    bar.start(files.length, 'Reading');
    let result: ExtractResult;
    try {
      result = await extractFiles(
        files.map((f) => ({ path: f })),
        { engine, timeoutMs, onDocument: (file, ok) => bar.tick(file, ok) },
      );
    } finally {
      bar.stop();
      await engine.close();
    }
    failures.push(...result.failures);
    stored = result.documents;
    writeFileSync(options.json, JSON.stringify(toGraphologyJson(stored, { includeDocuments: true }), null, 1));
    process.stderr.write(`Wrote ${options.json}\n`);
  } else {
    stored = await importIntoNeo4j(files, { engine, timeoutMs, failures, bar });
  }

  const summary = summarise(stored, failures.length, (Date.now() - started) / 1000);
  process.stdout.write(`${formatSummary(summary)}\n`);
  for (const f of failures) process.stderr.write(`failed: ${f.message}\n`);
  return failures.length ? 1 : 0;
}

/** Every file given, not imported because the database could not be reached. */
function notStored(files: string[], error: unknown): ExtractFailure[] {
  return files.map((file) => ({
    file,
    reason: 'database-unavailable',
    message: `${file}: not stored (${(error as Error).message})`,
  }));
}

/**
 * Extracts the files and stores each document as it is extracted (`StoreQueue`), so that a file that fails
 * or runs into its deadline, or a Ctrl-C, never costs the documents already done.
 */
async function importIntoNeo4j(
  files: string[],
  run: { engine: NlpEngine; timeoutMs: number; failures: ExtractFailure[]; bar: Progress },
): Promise<ExtractedDocument[]> {
  const { engine, failures, bar } = run;
  // Loaded lazily so that --json never needs the driver.
  const { loadNeo4jConfig, openNeo4j } = await import('../graph/neo4j/open-neo4j');
  const { applySchema } = await import('../graph/neo4j/schema');
  const { StoreQueue } = await import('./store-queue');
  let open;
  try {
    open = await openNeo4j(loadNeo4jConfig(), {
      reuseRunningEmbedded: true,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    await engine.close();
    failures.push(...notStored(files, error));
    return [];
  }
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true; // no file is started after this, and the current transaction finishes or rolls back
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    try {
      await applySchema(open.connection);
    } catch (error) {
      await engine.close();
      failures.push(...notStored(files, error));
      return [];
    }
    const queue = new StoreQueue(open.connection, {
      // Imports from the command line are in the document log too, under the user who ran them.
      audit: { by: { name: `command line (${userName()})` } },
      interrupted: () => interrupted,
      onStart: (count) => bar.note(`Storing ${count} document${count === 1 ? '' : 's'}`),
      onStored: (d, r) => bar.tick(d.document.path, true, r.outcome),
      onFailed: (d) => bar.tick(d.document.path, false),
      onReplayNote: (line) => process.stderr.write(`${line}\n`),
    });
    bar.start(files.length, 'Importing');
    try {
      const extracted = await extractFiles(
        files.map((f) => ({ path: f })),
        {
          engine,
          timeoutMs: run.timeoutMs,
          interrupted: () => interrupted,
          onDocument: (file, ok) => ok || bar.tick(file, false),
          onExtracted: (doc) => queue.add(doc),
        },
      );
      failures.push(...extracted.failures);
    } finally {
      await engine.close();
    }
    const result = await queue.finish();
    bar.stop();
    failures.push(...result.failures);
    return result.stored;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await open.close();
  }
}

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown user';
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`import: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
