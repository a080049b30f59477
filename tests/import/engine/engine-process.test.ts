/**
 * The engine's JVM belongs to the process that started it: it never outlives it, even killed with
 * SIGKILL, and a machine without Java gets one line naming the fix.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startEngine } from '../../../import/engine/nlp-engine';
import { isAlive } from '../../support/process';

const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');

describe('the NLP engine process', () => {
  it('names the missing Java and how to get it', async () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = path.join(PROJECT_DIR, 'no-such-jdk');
    try {
      await expect(startEngine({ log: () => undefined })).rejects.toMatchObject({
        name: 'JvmStartError',
        code: 'NO_JAVA',
        message: expect.stringMatching(/Java not found .*install a JDK 17 or newer/),
      });
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });

  it('exits when the process that started it is killed', async () => {
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "require('./import/engine/nlp-engine').startEngine({ log: () => {} }).then((e) => console.log('ENGINE ' + e.pid))",
      ],
      { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const jvm = await new Promise<number>((resolve, reject) => {
      let out = '';
      owner.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /ENGINE (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      owner.on('exit', (code) => reject(new Error(`the owner exited first (${code})`)));
    });
    expect(isAlive(jvm)).toBe(true);
    owner.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while (isAlive(jvm) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(isAlive(jvm)).toBe(false);
  }, 240_000);
});
