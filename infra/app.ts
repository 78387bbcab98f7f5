import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings, type Settings } from '../shared/config/settings.ts';
import { FactwatchError } from '../shared/errors.ts';
import { refusedAsWritten } from '../shared/feeds/guard.ts';
import { FactwatchStack } from './factwatch-stack.ts';

// Environment-agnostic: synthesizes offline, without credentials; `cdk deploy` picks the account.
const app = new App();
let config: Settings;
try {
  config = readSettings(app.node.getAllContext());
} catch (error) {
  if (!(error instanceof FactwatchError)) throw error;
  console.error(`factwatch: ${error.message}`);
  process.exit(1);
}
for (const warning of config.warnings) console.error(`factwatch: warning: ${warning}`);
// A feed the deployed poller will never fetch fails every poll: say so now, not in the first ops notice.
for (const feed of config.feeds) {
  const refused = refusedAsWritten(feed.url);
  if (refused)
    console.error(`factwatch: warning: feed ${feed.id} will never be polled when deployed: ${refused}`);
}
new FactwatchStack(app, 'Factwatch', {
  config,
  description: 'factwatch: news tracker with baseline-fact alerts',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
