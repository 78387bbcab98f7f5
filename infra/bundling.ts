/**
 * The esbuild options every λ bundle is built with: shared by the stack
 * (NodejsFunction) and by `npm run bench`, which measures the same bundles.
 */
export const BUNDLE_TARGET = 'node24';
/** The AWS SDK is CommonJS inside: give the ESM bundle a require(). */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __factwatchRequire } from 'node:module'; const require = __factwatchRequire(import.meta.url);";
export const BUNDLE_OPTIONS = {
  format: 'esm',
  target: BUNDLE_TARGET,
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
} as const;

/** The options esbuild's own API takes for one λ's entry, as the stack bundles it: for the bench and tests. */
export function esbuildOptionsFor(entryPoint: string) {
  return {
    ...BUNDLE_OPTIONS,
    banner: { js: BUNDLE_OPTIONS.banner },
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node' as const,
    logLevel: 'silent' as const,
  };
}
