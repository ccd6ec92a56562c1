/** Jest: node tests for core/cli/excel/functions, jsdom for task pane components. */
const transform = { '^.+\\.(t|j)sx?$': '<rootDir>/test/setup/esbuild-transform.js' };
const common = {
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/lib/'],
};
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/test/slow/'],
      setupFiles: ['<rootDir>/test/setup/custom-functions-shim.ts'],
    },
    {
      ...common,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/jsdom.ts'],
      setupFiles: ['<rootDir>/test/setup/custom-functions-shim.ts'],
    },
  ],
};
