/**
 * The allowed import direction (docs/architecture.md), checked by `npm test`:
 *
 *   apps/cli → apps/local → functions → shared/runtime, shared/usecases
 *     → shared/store and the stages (shared/alerts → shared/facts, shared/feeds)
 *     → shared/config → shared/model
 *
 * Arrows point from the importer to what it may import (and anything further
 * right). The model imports nothing of ours; the stages never touch the store (the
 * use cases call stages and store in order); the library (shared/) never imports an
 * application (apps/), a handler (functions/) or the stack (infra/).
 */
const layer = (name, from, forbidden, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${from}` },
  to: { path: `^(${forbidden})` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A module cycle hides which one is the foundation: break it by moving the shared part down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-imports-nothing-of-ours',
      comment: 'shared/model is the bottom layer: types and zod schemas only, so every layer can use them.',
      severity: 'error',
      from: { path: '^shared/model/' },
      to: { path: '^(shared|apps|functions|infra|bin)/', pathNot: '^shared/model/' },
    },
    layer(
      'library-not-apps',
      'shared/',
      'apps/|functions/|infra/|bin/',
      'The library never imports an application, a handler or the stack.',
    ),
    layer(
      'handlers-not-apps',
      'functions/',
      'apps/|infra/',
      'A handler is deployed alone: it cannot reach the CLI, the local runner or the stack.',
    ),
    layer('stack-not-apps', 'infra/', 'apps/', 'The stack is built from the library, never from the CLI.'),
    layer(
      'config-above-model-only',
      'shared/config/',
      'shared/(facts|feeds|store|alerts|runtime)/',
      'Configuration sits just above the model.',
    ),
    layer(
      'store-knows-no-stage',
      'shared/store/',
      'shared/(config|facts|feeds|alerts|runtime)/',
      'The store keeps records of model types; it knows no stage.',
    ),
    layer(
      'facts-pure',
      'shared/facts/',
      'shared/(store|feeds|alerts|runtime)/',
      'The fact engine is pure: text and rules in, findings out.',
    ),
    layer(
      'feeds-not-facts-alerts',
      'shared/feeds/',
      'shared/(facts|alerts|runtime)/',
      'Polling knows nothing of facts or alerts.',
    ),
    layer(
      'alerts-not-runtime',
      'shared/alerts/',
      'shared/runtime/',
      'Alert policy does not depend on how a handler is wired.',
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|cdk\\.out|\\.cache|\\.factwatch|\\.scratch)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] },
  },
};
