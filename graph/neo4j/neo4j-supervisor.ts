/**
 * Keeps the embedded Neo4j running while `npm start` does. When its JVM exits without being asked to (a
 * crash, `kill -9`, or `kill()` below), it is started again on the same data directory and the same Bolt
 * port, so the driver's URI stays right and the server's 503s end by themselves once it is back. Each
 * event is one structured log record.
 */
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jOptions } from './embedded-neo4j';

export type SupervisorEvent =
  | { event: 'neo4j-exited'; pid: number; code: number | null; signal: string | null }
  | { event: 'neo4j-restarted'; pid: number; uri: string; downMs: number; attempts: number }
  | { event: 'neo4j-restart-failed'; attempt: number; error: string; retryInMs: number }
  | { event: 'neo4j-killed'; pid: number; reason: string };

export interface SupervisedNeo4j {
  uri: string;
  /** The JVM serving now (it changes with every restart). */
  pid(): number;
  isUp(): boolean;
  /** Resolves once Neo4j is up again (at once when it is up). */
  whenUp(): Promise<void>;
  /** Kills the JVM on purpose (the one way to stop work Neo4j cannot terminate); the supervisor restarts it. */
  kill(reason: string): void;
  /** Stops Neo4j for good: no restart follows. */
  stop(): Promise<void>;
}

export interface SuperviseOptions extends EmbeddedNeo4jOptions {
  onEvent: (event: SupervisorEvent) => void;
  /** Waits before each restart attempt; the last one repeats (a locked data directory may take a while). */
  restartDelaysMs?: number[];
}

const RESTART_DELAYS_MS = [500, 2_000, 5_000, 15_000, 30_000];

export async function superviseEmbeddedNeo4j(options: SuperviseOptions): Promise<SupervisedNeo4j> {
  const delays = options.restartDelaysMs ?? RESTART_DELAYS_MS;
  let current: EmbeddedNeo4j = await startEmbeddedNeo4j(options);
  const port = current.port; // a restart must come back where the driver looks, even when 0 was asked for
  let up = true;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  let upAgain: Array<() => void> = [];

  const watch = (neo4j: EmbeddedNeo4j) => {
    void neo4j.exited.then(({ code, signal }) => {
      if (stopping || neo4j !== current) return;
      up = false;
      options.onEvent({ event: 'neo4j-exited', pid: neo4j.pid, code, signal });
      restarting = restart(Date.now()).finally(() => (restarting = undefined));
    });
  };

  const restart = async (downSince: number) => {
    for (let attempt = 1; !stopping; attempt++) {
      const delay = delays[Math.min(attempt - 1, delays.length - 1)];
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      try {
        const next = await startEmbeddedNeo4j({ ...options, port });
        if (stopping) return void (await next.stop());
        current = next;
        up = true;
        options.onEvent({
          event: 'neo4j-restarted',
          pid: next.pid,
          uri: next.uri,
          downMs: Date.now() - downSince,
          attempts: attempt,
        });
        watch(next);
        for (const resolve of upAgain) resolve();
        upAgain = [];
        return;
      } catch (error) {
        const retryInMs = delays[Math.min(attempt, delays.length - 1)];
        options.onEvent({ event: 'neo4j-restart-failed', attempt, error: String(error), retryInMs });
      }
    }
  };

  watch(current);
  return {
    uri: current.uri,
    pid: () => current.pid,
    isUp: () => up,
    whenUp: () => (up ? Promise.resolve() : new Promise<void>((resolve) => upAgain.push(resolve))),
    kill: (reason) => {
      if (!up || stopping) return;
      options.onEvent({ event: 'neo4j-killed', pid: current.pid, reason });
      try {
        process.kill(current.pid, 'SIGKILL');
      } catch {
        // Already gone: its exit is on the way to the watcher.
      }
    },
    stop: async () => {
      stopping = true;
      await restarting;
      await current.stop();
      for (const resolve of upAgain) resolve();
    },
  };
}
