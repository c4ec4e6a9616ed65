import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles every handler in `functions/` to `dist/<function>/index.mjs`:
 * ESM for nodejs22.x, minified, AWS SDK bundled (pins the SDK the tests ran
 * against). CDK and SAM both deploy this one artifact.
 */
const entries = (await readdir('functions')).filter((file) =>
  file.endsWith('.ts')
);

await build({
  entryPoints: Object.fromEntries(
    entries.map((file) => [
      `${basename(file, '.ts')}/index`,
      `functions/${file}`,
    ])
  ),
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  keepNames: true,
  sourcemap: true,
  legalComments: 'external',
  metafile: false,
  logLevel: 'info',
  // Some dependencies still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
