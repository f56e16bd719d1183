/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  // Builds dist/ once (npm run build, which also bundles the ladder page's script) and stops the run if the build fails: the CLI tests spawn it.
  globalSetup: '<rootDir>/tests/helpers/buildDist.ts',
  // Integration tests build git repositories and start servers; give them room on a 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
};
