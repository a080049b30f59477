/**
 * One jest run covers unit, integration and browser tests. Integration tests share one embedded Neo4j
 * started by the global setup on a free port with a temporary data directory.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60000,
  // Integration and browser tests share one database and two cores: run test files one at a time.
  maxWorkers: 1,
};
