/**
 * Starts and stops the embedded Neo4j Community (the Java launcher in `neo4j/`) for `npm start` and
 * `npm test`. The JVM runs from the classpath Maven resolved (never a shaded jar: Neo4j finds its
 * components through ServiceLoader) and watches its stdin, so it dies with the Node process that owns it.
 * Bolt asks for a password, which the launcher draws on the first start of a data directory and keeps in
 * `<dataDir>/credentials.json` (owner-only); `readEmbeddedCredentials` is how every caller finds it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Neo4jStartError } from '../errors';

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

export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** Throws a one-line Neo4jStartError unless a Java 17+ runtime is on hand. */
export function checkJava(java = javaExecutable()): number {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Neo4jStartError(
      'NO_JAVA',
      `Java not found (${java}): install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk) or set JAVA_HOME.`,
      { cause: result.error },
    );
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === null || major < 17) {
    throw new Neo4jStartError(
      'OLD_JAVA',
      `Java ${major ?? 'of unknown version'} found at ${java}; Neo4j 5 needs Java 17 or newer: install a JDK 17+ or point JAVA_HOME at one.`,
    );
  }
  return major;
}

export function parseJavaMajor(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/**
 * Returns the launcher's classpath, building it with the Maven Wrapper when it is missing or stale.
 * Only the first run needs the network; later runs read `target/classpath.txt`.
 */
export async function resolveClasspath(log: (line: string) => void = defaultLog): Promise<string> {
  const classpathFile = path.join(PROJECT_DIR, 'target', 'classpath.txt');
  const classesDir = path.join(PROJECT_DIR, 'target', 'classes');
  if (!isUpToDate(classpathFile, classesDir)) {
    log('Resolving Neo4j with Maven (first run only: downloads about 50 MB of jars)…');
    await buildLauncher(log);
  }
  return [classesDir, readFileSync(classpathFile, 'utf8').trim()].join(path.delimiter);
}

function isUpToDate(classpathFile: string, classesDir: string): boolean {
  const launcherClass = path.join(classesDir, 'dev', 'dossier', 'neo4j', 'Launcher.class');
  const launcherSource = path.join(PROJECT_DIR, 'src', 'main', 'java', 'dev', 'dossier', 'neo4j', 'Launcher.java');
  if (!existsSync(classpathFile) || !existsSync(launcherClass)) return false;
  // Maven leaves classpath.txt untouched when the dependencies did not change, so each output is
  // compared with its own input.
  const newer = (output: string, input: string) => statSync(output).mtimeMs >= statSync(input).mtimeMs;
  return newer(classpathFile, path.join(PROJECT_DIR, 'pom.xml')) && newer(launcherClass, launcherSource);
}

function buildLauncher(log: (line: string) => void): Promise<void> {
  const wrapper = path.join(PROJECT_DIR, process.platform === 'win32' ? 'mvnw.cmd' : 'mvnw');
  return new Promise((resolve, reject) => {
    const maven = spawn(wrapper, ['-B', 'package', '-DskipTests'], {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let downloads = 0;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-200_000);
      for (const line of text.split('\n')) {
        // Progress for people: one short line per jar downloaded, and every error.
        const jar = /Downloaded from \S+: \S*\/([^/\s]+\.jar)/.exec(line);
        if (jar) log(`  maven: downloaded ${jar[1]} (${++downloads})`);
        else if (/\[ERROR\]/.test(line)) log(`  maven: ${line.trim()}`);
      }
    };
    maven.stdout.on('data', onData);
    maven.stderr.on('data', onData);
    maven.on('error', (error) =>
      reject(
        new Neo4jStartError('MAVEN_FAILED', `Could not run the Maven Wrapper (${wrapper}): ${error.message}`, {
          cause: error,
        }),
      ),
    );
    maven.on('exit', (code) => {
      if (code === 0) return resolve();
      const offline =
        /Could not (transfer|resolve)|UnknownHost|Network is unreachable|Connection refused|timed out/i.test(output);
      reject(
        new Neo4jStartError(
          'MAVEN_FAILED',
          offline
            ? 'Maven could not download Neo4j on first run (offline?): connect to the network once and run again; later runs need no network.'
            : 'Maven could not build the Neo4j launcher: run (cd neo4j && ./mvnw package) to see why.',
          { details: output.slice(-4000) },
        ),
      );
    });
  });
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
    await stopChild(child);
    throw new Neo4jStartError('CRASHED', `Neo4j started but left no ${CREDENTIALS_FILE} in ${options.dataDir}.`);
  }
  log(`Neo4j is ready at ${uri}`);
  return {
    uri,
    port: Number(new URL(uri.replace(/^bolt:/, 'http:')).port),
    pid: child.pid ?? -1,
    exited,
    credentials,
    stop: () => stopChild(child),
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

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}
