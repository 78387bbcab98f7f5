import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // One DynamoDB Local for the whole run; every test file makes its own fresh tables in it.
    globalSetup: ['tests/support/global-setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Every CLI test has its own data dir: warm servers (one JVM each, kept 10 minutes) would pile
      // up. A local store's DynamoDB Local stops with each command, except in the tests that warm it
      // on purpose (tests/integration/warm-store.test.ts).
      FACTWATCH_STORE_IDLE_SECONDS: '0',
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight over the CPU with the Java process.
    maxWorkers: 2,
  },
});
