/**
 * Runs one of Dossier's own JVM launchers (a Maven project with the Maven Wrapper beside `package.json`):
 * resolves its classpath with the wrapper on first run, with one progress line per downloaded jar, then
 * starts the JVM from Maven's own copies of the jars and waits for its one machine-readable ready line.
 * Every failure is a `JvmStartError` whose message names the cause and the fix.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type JvmStartCode = 'NO_JAVA' | 'OLD_JAVA' | 'MAVEN_FAILED' | 'OUT_OF_MEMORY' | 'CRASHED' | 'TIMEOUT';

export class JvmStartError extends Error {
  readonly code: JvmStartCode;
  readonly details?: string;
  constructor(code: JvmStartCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'JvmStartError';
    this.code = code;
    this.details = options.details;
  }
}

export interface JavaProject {
  /** The Maven project's folder. */
  dir: string;
  /** What it is, for people: "the NLP engine". */
  what: string;
  /** The launcher's main class, e.g. dev.dossier.nlp.Engine. */
  mainClass: string;
  /** What the first run downloads, for people: "about 260 MB of models". */
  download: string;
}

export interface JvmChild {
  child: ChildProcess;
  /** The JSON after the ready prefix. */
  ready: Record<string, unknown>;
  stop(): Promise<void>;
}

export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** The Java major version at `java`; throws a one-line JvmStartError unless it is 17 or newer. */
export function findJava(java = javaExecutable()): number {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new JvmStartError(
      'NO_JAVA',
      `Java not found (${java}): install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk) or set JAVA_HOME.`,
      { cause: result.error },
    );
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === null || major < 17) {
    throw new JvmStartError(
      'OLD_JAVA',
      `Java ${major ?? 'of unknown version'} found at ${java}; Neo4j 5 and the NLP engine need Java 17 or newer: install a JDK 17+ or point JAVA_HOME at one.`,
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

/** Returns the project's classpath, building it with the Maven Wrapper when it is missing or stale. */
export async function resolveClasspath(project: JavaProject, log: (line: string) => void): Promise<string> {
  const target = path.join(project.dir, 'target');
  const classpathFile = path.join(target, 'classpath.txt');
  const classesDir = path.join(target, 'classes');
  if (!isUpToDate(project, classpathFile, classesDir)) {
    log(`Resolving ${project.what} with Maven (first run only: downloads ${project.download})…`);
    await runMaven(project, log);
  }
  return [classesDir, readFileSync(classpathFile, 'utf8').trim()].join(path.delimiter);
}

function isUpToDate(project: JavaProject, classpathFile: string, classesDir: string): boolean {
  const relative = project.mainClass.split('.').join(path.sep);
  const mainClass = path.join(classesDir, `${relative}.class`);
  const source = path.join(project.dir, 'src', 'main', 'java', `${relative}.java`);
  if (!existsSync(classpathFile) || !existsSync(mainClass)) return false;
  // Maven leaves classpath.txt untouched when the dependencies did not change, so each output is
  // compared with its own input.
  const newer = (output: string, input: string) => statSync(output).mtimeMs >= statSync(input).mtimeMs;
  return newer(classpathFile, path.join(project.dir, 'pom.xml')) && newer(mainClass, source);
}

function runMaven(project: JavaProject, log: (line: string) => void): Promise<void> {
  const wrapper = path.join(project.dir, process.platform === 'win32' ? 'mvnw.cmd' : 'mvnw');
  return new Promise((resolve, reject) => {
    const maven = spawn(wrapper, ['-B', 'package', '-DskipTests'], {
      cwd: project.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let downloads = 0;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-200_000);
      for (const line of text.split('\n')) {
        const jar = /Downloaded from \S+: \S*\/([^/\s]+\.jar)/.exec(line);
        if (jar) log(`  maven: downloaded ${jar[1]} (${++downloads})`);
        else if (/\[ERROR\]/.test(line)) log(`  maven: ${line.trim()}`);
      }
    };
    maven.stdout.on('data', onData);
    maven.stderr.on('data', onData);
    maven.on('error', (error) =>
      reject(
        new JvmStartError('MAVEN_FAILED', `Could not run the Maven Wrapper (${wrapper}): ${error.message}`, {
          cause: error,
        }),
      ),
    );
    maven.on('exit', (code) => {
      if (code === 0) return resolve();
      const offline =
        /Could not (transfer|resolve)|UnknownHost|Network is unreachable|Connection refused|timed out/i.test(output);
      const folder = path.basename(project.dir);
      reject(
        new JvmStartError(
          'MAVEN_FAILED',
          offline
            ? `Maven could not download ${project.what} on first run (offline?): connect to the network once and run again; later runs need no network.`
            : `Maven could not build ${project.what}: run (cd ${folder} && ./mvnw package) to see why.`,
          { details: output.slice(-4000) },
        ),
      );
    });
  });
}

export interface StartJvmOptions {
  project: JavaProject;
  jvmArgs: string[];
  env?: Record<string, string>;
  readyPrefix: string;
  errorPrefix: string;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * Starts the JVM and resolves with its ready line. Its stdin stays a pipe that is never closed: when this
 * process dies, the JVM sees the end of its input and exits, so no JVM outlives its owner.
 */
export async function startJvm(options: StartJvmOptions): Promise<JvmChild> {
  const java = javaExecutable();
  findJava(java);
  const classpath = await resolveClasspath(options.project, options.log);
  const child = spawn(java, [...options.jvmArgs, '-cp', classpath, options.project.mainClass], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const ready = await waitForReady(child, options);
  return { child, ready, stop: () => stopJvm(child) };
}

function waitForReady(child: ChildProcess, options: StartJvmOptions): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (error: JvmStartError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new JvmStartError(
            'TIMEOUT',
            `${options.project.what} did not start within ${options.timeoutMs / 1000} s: is the machine short of memory or CPU?`,
          ),
        ),
      options.timeoutMs,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (settled) return;
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith(options.readyPrefix));
      if (line) {
        settled = true;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(options.readyPrefix.length)) as Record<string, unknown>);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', (error) =>
      fail(new JvmStartError('CRASHED', `Could not run Java: ${error.message}`, { cause: error })),
    );
    child.on('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(describeExit(options, code, stderr));
    });
  });
}

function describeExit(options: StartJvmOptions, code: number | null, stderr: string): JvmStartError {
  const what = options.project.what;
  // Java deserialisation of a large model reports a full heap as "unread block data" rather than as an
  // OutOfMemoryError, so both mean the heap is too small.
  if (/OutOfMemoryError|unread block data|Java heap space/.test(stderr))
    return new JvmStartError('OUT_OF_MEMORY', `${what} ran out of memory while starting: give its JVM more heap.`, {
      details: stderr.slice(-4000),
    });
  const line = stderr
    .split('\n')
    .find((l) => l.startsWith(options.errorPrefix))
    ?.slice(options.errorPrefix.length);
  const detail = line || stderr.trim().split('\n').slice(-1)[0] || `exit code ${code}`;
  return new JvmStartError('CRASHED', `${what} stopped before it was ready: ${detail}`, {
    details: stderr.slice(-4000),
  });
}

/** SIGTERM, then SIGKILL if the JVM has not exited after `graceMs` (a database may need time to flush). */
export function stopJvm(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
