#!/usr/bin/env node
// The `factwatch` bin. It runs the TypeScript sources through tsx, so `npm ci`
// alone is enough: there is no build step between a clone and a working CLI.

// The AWS SDK warns about Node 20 through process.emitWarning; users need not see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
