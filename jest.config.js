/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  // Bundles the ladder page's script from src/web first, so HTTP and browser tests serve the current source.
  globalSetup: '<rootDir>/tests/helpers/buildWebAssets.ts',
  // Integration tests build git repositories and start servers; give them room on a 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
};
