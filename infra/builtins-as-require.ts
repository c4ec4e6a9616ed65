import { builtinModules } from 'node:module';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'node-builtin';
const BUILTINS = new Set(builtinModules);

/**
 * Loads Node built-ins with `require` (the bundle's banner defines it), not
 * `import`. An ES import of a built-in makes Node build its module facade,
 * which reads every export: `node:http`'s lazy `WebSocket` getters then load
 * undici, which the function never uses (measured on Node 24: ~35 ms CPU of
 * a cold start's first event). Through `require`, esbuild reads an export
 * only where the code uses it.
 */
export const builtinsAsRequire: Plugin = {
  name: 'builtins-as-require',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, ({ path, namespace }) => {
      const name = path.replace(/^node:/, '');
      if (!BUILTINS.has(name) || name.startsWith('_')) return undefined;
      // The stand-in's own require() stays a real one.
      return namespace === NAMESPACE
        ? { path, external: true }
        : { path: `node:${name}`, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
    }));
  },
};
