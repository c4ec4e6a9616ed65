import type { BuildOptions } from 'esbuild';
import { builtinsAsRequire } from './builtins-as-require.js';

/**
 * How a function is bundled: `entry` to `<outdir>/index.mjs`, ESM, minified,
 * with source maps, the AWS SDK bundled (pins the SDK the tests ran
 * against). `npm run build` uses it for every function, the bench for the
 * floors it measures the function against.
 */
export const functionBundleOptions = (
  entry: string,
  outdir: string
): BuildOptions => ({
  entryPoints: { index: entry },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // What is loaded on first use only (the YAML parser, the SSM and
  // Security Hub clients) goes to chunks/ and stays out of the cold start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  // The AWS SDK's ES module builds load credential providers with real
  // dynamic imports, which splitting keeps out of the cold start.
  mainFields: ['module', 'main'],
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  legalComments: 'external',
  logLevel: 'info',
  plugins: [builtinsAsRequire],
  // Some dependencies still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
