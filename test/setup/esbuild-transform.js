// Jest transformer: TypeScript/TSX → CommonJS with esbuild (already a dependency for the CLI
// build). Type checking is done once by `tsc --noEmit` in `npm test`.
// (@swc/jest was dropped: its platform binaries are not all on the registry, which breaks `npm ci`.)
const { transformSync } = require('esbuild');
const crypto = require('crypto');

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update('esbuild-1').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : filename.endsWith('.jsx') ? 'jsx' : 'js';
    const result = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'inline',
      sourcefile: filename,
      supported: { 'dynamic-import': false },
    });
    return { code: result.code };
  },
};
