/**
 * The built dist/ for tests (manifest URLs, the Excel-convention harness, browser tests): the same
 * builder `baocao-gd app` uses (src/cli/dist.ts), so tests run what `npm run build` ships.
 */
export { APP_DIST, DIST, ROOT, distIsFresh, ensureDist } from '../../src/cli/dist';
