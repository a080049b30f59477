import { mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkJava, describeExit, readEmbeddedCredentials, startEmbeddedNeo4j } from '../../graph/neo4j/embedded-neo4j';
import { connectNeo4j, verifyConnection } from '../../graph/neo4j/connection';
import { Neo4jStartError } from '../../graph/errors';
import { parseJavaMajor } from '../../graph/jvm/java-project';
import { countAll, connectTestNeo4j } from '../support/neo4j';
import { isAlive } from '../support/process';
import { inSession } from '../../graph/neo4j/transaction';

describe('embedded Neo4j', () => {
  it('reads the major version from the output of java -version', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('no version here')).toBeNull();
  });

  it('names the missing Java and the fix', () => {
    expect(() => checkJava('/nonexistent/bin/java')).toThrow(
      expect.objectContaining({ name: 'Neo4jStartError', reason: 'NO_JAVA', message: expect.stringMatching(/JDK 17/) }),
    );
    expect(checkJava()).toBeGreaterThanOrEqual(17);
  });

  it('turns the launcher error lines into named causes with a fix', () => {
    const busy = describeExit(2, 'DOSSIER_NEO4J_ERROR PORT_IN_USE Address already in use\n');
    expect(busy).toBeInstanceOf(Neo4jStartError);
    expect(busy.reason).toBe('PORT_IN_USE');
    expect(busy.message).toMatch(/NEO4J_BOLT_PORT/);
    expect(describeExit(2, 'DOSSIER_NEO4J_ERROR DATA_DIR_LOCKED /x\n').reason).toBe('DATA_DIR_LOCKED');
  });

  it('serves Bolt to the tests from the global setup', async () => {
    const connection = connectTestNeo4j();
    try {
      const counts = await countAll(connection);
      expect(counts.nodes).toBeGreaterThanOrEqual(0);
      const result = await inSession(connection, 'read', (session) =>
        session.run('CALL dbms.components() YIELD name, edition RETURN name, edition'),
      );
      expect(result.records[0].get('name')).toBe('Neo4j Kernel');
      expect(result.records[0].get('edition')).toBe('community');
    } finally {
      await connection.close();
    }
  });

  it('refuses a port that is already taken, naming the cause', async () => {
    const busyPort = Number(new URL(process.env.TEST_NEO4J_URI!.replace('bolt:', 'http:')).port);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-busy-'));
    try {
      await expect(startEmbeddedNeo4j({ dataDir, port: busyPort, log: () => undefined })).rejects.toMatchObject({
        name: 'Neo4jStartError',
        reason: 'PORT_IN_USE',
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('embedded Neo4j credentials', () => {
  const refusal = async (settings: { uri: string; user?: string; password?: string }) => {
    const connection = connectNeo4j(settings);
    try {
      await verifyConnection(connection);
      return 'accepted';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await connection.close();
    }
  };

  it('asks Bolt clients for the password it keeps, owner-only, in the data directory', async () => {
    const dataDir = process.env.TEST_NEO4J_DATA_DIR!;
    const uri = process.env.TEST_NEO4J_URI!;
    const credentials = readEmbeddedCredentials(dataDir)!;
    expect(credentials.user).toBe('neo4j');
    expect(credentials.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(path.join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    expect(await refusal({ uri })).toMatch(/refused the credentials/);
    expect(await refusal({ uri, user: 'neo4j', password: 'neo4j' })).toMatch(/refused the credentials/);
    expect(await refusal({ uri, ...credentials })).toBe('accepted');
  });

  it('keeps the password across restarts and sets a new one when the data directory has none', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-credentials-'));
    try {
      const first = await startEmbeddedNeo4j({ dataDir, port: 0, log: () => undefined });
      const kept = first.credentials;
      await first.stop();
      const again = await startEmbeddedNeo4j({ dataDir, port: 0, log: () => undefined });
      expect(again.credentials).toEqual(kept);
      expect(await refusal({ uri: again.uri, ...kept })).toBe('accepted');
      await again.stop();
      // A data directory from before passwords existed has none: its next start sets one.
      unlinkSync(path.join(dataDir, 'credentials.json'));
      const fresh = await startEmbeddedNeo4j({ dataDir, port: 0, log: () => undefined });
      try {
        expect(fresh.credentials.password).not.toBe(kept.password);
        expect(await refusal({ uri: fresh.uri, ...kept })).toMatch(/refused the credentials/);
        expect(await refusal({ uri: fresh.uri, ...fresh.credentials })).toBe('accepted');
      } finally {
        await fresh.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('embedded Neo4j lifetime', () => {
  it('stops the JVM when the Node process that started it is killed', async () => {
    const { spawn } = await import('node:child_process');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-orphan-'));

    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '..', 'fixtures', 'graph', 'start-embedded-then-wait.ts'), dataDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const jvmPid = await new Promise<number>((resolve, reject) => {
        let out = '';
        parent.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /JVM_PID (\d+)/.exec(out);
          if (match) resolve(Number(match[1]));
          if (out.includes('FAILED')) reject(new Error(out));
        });
      });
      expect(isAlive(jvmPid)).toBe(true);
      parent.kill('SIGKILL');
      const deadline = Date.now() + 60_000;
      while (isAlive(jvmPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(isAlive(jvmPid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
