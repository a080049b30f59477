import { rmSync } from 'node:fs';
import { TEST_STATE } from './test-state';

export default async function globalTeardown(): Promise<void> {
  await Promise.all([TEST_STATE.stopNeo4j?.(), TEST_STATE.stopEngine?.()]);
  if (TEST_STATE.dataDir) rmSync(TEST_STATE.dataDir, { recursive: true, force: true });
}
