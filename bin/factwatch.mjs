#!/usr/bin/env node
// The `factwatch` bin (package.json "bin", run by `npm start`, `npx factwatch` and
// `npm run factwatch`). It runs the TypeScript sources through tsx, so `npm ci`
// alone is enough: there is no build step between a clone and a working CLI.

// The AWS SDK warns about Node 20 through process.emitWarning; users need not see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `factwatch history | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../apps/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
