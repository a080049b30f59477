import { rmSync } from 'node:fs';
import { TEST_STATE } from './test-state';

export default async function globalTeardown(): Promise<void> {
  await TEST_STATE.stopNeo4j?.();
  if (TEST_STATE.dataDir) rmSync(TEST_STATE.dataDir, { recursive: true, force: true });
}
