/** What global setup hands to global teardown (they share one module registry in jest's parent process). */
export const TEST_STATE: { stopNeo4j?: () => Promise<void>; stopEngine?: () => Promise<void>; dataDir?: string } = {};
