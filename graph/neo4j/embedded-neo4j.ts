/**
 * Starts and stops the embedded Neo4j Community (the Java launcher in `neo4j/`) for `npm start` and
 * `npm test`. The JVM runs from the classpath Maven resolved (never a shaded jar: Neo4j finds its
 * components through ServiceLoader) and watches its stdin, so it dies with the Node process that owns it.
 * Bolt asks for a password, which the launcher draws on the first start of a data directory and keeps in
 * `<dataDir>/credentials.json` (owner-only); `readEmbeddedCredentials` is how every caller finds it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Neo4jStartError } from '../errors';
import {
  findJava,
  javaExecutable,
  JvmStartError,
  resolveClasspath as resolveProjectClasspath,
  stopJvm,
  type JavaProject,
} from '../jvm/java-project';

export interface EmbeddedNeo4jOptions {
  dataDir: string;
  port: number; // 0 = any free port
  heap?: string; // e.g. "1g"
  log?: (line: string) => void; // progress for people; defaults to stderr
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number; // the Bolt port it listens on (the one picked when asked for 0)
  pid: number;
  /** Settles when the JVM exits, whoever asked (stop(), a signal, a crash). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What Bolt asks for: the user `neo4j` and the password kept in the data directory. */
  credentials: Neo4jCredentials;
  stop(): Promise<void>;
}

export interface Neo4jCredentials {
  user: string;
  password: string;
}

/** The launcher (Launcher.java) writes the password under this name in the data directory. */
export const CREDENTIALS_FILE = 'credentials.json';

const credentialsSchema = z.object({ user: z.string().min(1), password: z.string().min(16) });

/**
 * The credentials of the embedded Neo4j on `dataDir`, or undefined when it never started with them (a data
 * directory from before they existed: its first start with this version sets them).
 */
export function readEmbeddedCredentials(dataDir: string): Neo4jCredentials | undefined {
  const file = path.join(path.resolve(dataDir), CREDENTIALS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Neo4jStartError(
      'CRASHED',
      `Cannot read the embedded Neo4j's credentials in ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const parsed = credentialsSchema.safeParse(safeJson(text));
  if (!parsed.success)
    throw new Neo4jStartError(
      'CRASHED',
      `${file} is not what the launcher writes: delete it and start again to set a new password.`,
    );
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const PROJECT_DIR = path.resolve(__dirname, '..', '..', 'neo4j');
const READY_PREFIX = 'DOSSIER_NEO4J_READY ';
const ERROR_PREFIX = 'DOSSIER_NEO4J_ERROR ';

/** What Neo4j 5 needs opened on Java 17+, as its own launch scripts do. */
const JVM_MODULE_FLAGS = [
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

/** Throws a one-line Neo4jStartError unless a Java 17+ runtime is on hand. */
export function checkJava(java = javaExecutable()): number {
  try {
    return findJava(java);
  } catch (error) {
    if (!(error instanceof JvmStartError) || (error.code !== 'NO_JAVA' && error.code !== 'OLD_JAVA')) throw error;
    throw new Neo4jStartError(error.code, error.message, { cause: error.cause });
  }
}

/** The launcher as one of the project's JVMs: `graph/jvm/java-project.ts` resolves and builds it. */
const LAUNCHER_PROJECT: JavaProject = {
  dir: PROJECT_DIR,
  what: 'Neo4j',
  mainClass: 'dev.dossier.neo4j.Launcher',
  download: 'about 50 MB of jars',
};

/**
 * Returns the launcher's classpath, building it with the Maven Wrapper when it is missing or stale.
 * Only the first run needs the network; later runs read `target/classpath.txt`.
 */
export async function resolveClasspath(log: (line: string) => void = defaultLog): Promise<string> {
  try {
    return await resolveProjectClasspath(LAUNCHER_PROJECT, log);
  } catch (error) {
    if (!(error instanceof JvmStartError)) throw error;
    throw new Neo4jStartError('MAVEN_FAILED', error.message, { cause: error, details: error.details });
  }
}

/** Starts the embedded Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? defaultLog;
  const java = javaExecutable();
  checkJava(java);
  const classpath = await resolveClasspath(log);
  const heap = options.heap ?? '1g';
  const args = [
    '-Xms256m',
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // No -XX:+ExitOnOutOfMemoryError: a value one expression builds (reduce doubling a string) is not seen by
    // Neo4j's memory tracker, and with that flag it killed the JVM; without it the allocation fails in that
    // query's thread, which answers Neo.TransientError.General.OutOfMemoryError while the database lives on.
    ...JVM_MODULE_FLAGS,
    '-cp',
    classpath,
    'dev.dossier.neo4j.Launcher',
    path.resolve(options.dataDir),
    String(options.port),
  ];
  log(`Starting embedded Neo4j (data in ${options.dataDir}; a cold start can take 30 s)…`);
  // stdin stays a pipe we never close: when this process dies, the JVM sees end of input and shuts down.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const uri = await waitForReady(child, options.startTimeoutMs ?? 180_000);
  const credentials = readEmbeddedCredentials(options.dataDir);
  if (!credentials) {
    await stopJvm(child, 30_000);
    throw new Neo4jStartError('CRASHED', `Neo4j started but left no ${CREDENTIALS_FILE} in ${options.dataDir}.`);
  }
  log(`Neo4j is ready at ${uri}`);
  return {
    uri,
    port: Number(new URL(uri.replace(/^bolt:/, 'http:')).port),
    pid: child.pid ?? -1,
    exited,
    credentials,
    stop: () => stopJvm(child, 30_000),
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (error: Neo4jStartError) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new Neo4jStartError(
            'TIMEOUT',
            `Neo4j did not start within ${timeoutMs / 1000} s: see its logs in the data directory.`,
          ),
        ),
      timeoutMs,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith(READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        const ready = JSON.parse(line.slice(READY_PREFIX.length)) as { bolt: string };
        resolve(ready.bolt);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) =>
      fail(new Neo4jStartError('CRASHED', `Could not run Java: ${error.message}`, { cause: error })),
    );
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(describeExit(code, stderr));
    });
  });
}

export function describeExit(code: number | null, stderr: string): Neo4jStartError {
  const line =
    stderr
      .split('\n')
      .find((l) => l.startsWith(ERROR_PREFIX))
      ?.slice(ERROR_PREFIX.length) ?? '';
  if (line.startsWith('PORT_IN_USE')) {
    return new Neo4jStartError(
      'PORT_IN_USE',
      'The Bolt port is already in use: stop whatever holds it or set NEO4J_BOLT_PORT to a free port (0 = any).',
      { details: line },
    );
  }
  if (line.startsWith('DATA_DIR_LOCKED')) {
    return new Neo4jStartError(
      'DATA_DIR_LOCKED',
      `The data directory is locked by another Neo4j: stop the other Dossier (or Neo4j) using ${line.slice('DATA_DIR_LOCKED '.length)} first.`,
      { details: line },
    );
  }
  if (line.startsWith('CREDENTIALS_FAILED')) {
    return new Neo4jStartError(
      'CRASHED',
      `Neo4j could not set or keep its password in the data directory (${line.slice('CREDENTIALS_FAILED '.length)}): check that the directory is writable by this user.`,
      { details: line },
    );
  }
  const detail = line || stderr.trim().split('\n').slice(-1)[0] || `exit code ${code}`;
  return new Neo4jStartError('CRASHED', `Neo4j stopped before it was ready: ${detail}`, {
    details: stderr.slice(-4000),
  });
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}
