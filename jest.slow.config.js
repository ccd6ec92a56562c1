/** Jest for the slow robustness cases (npm run test:slow, also run by .ci/run): test/slow only. */
const base = require('./jest.config.js');
const node = base.projects.find((p) => p.displayName === 'node');
module.exports = {
  ...node,
  displayName: 'slow',
  testMatch: ['<rootDir>/test/slow/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/lib/'],
  testTimeout: 300000,
};
