import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings, type Settings } from '../shared/config/settings.ts';
import { FactwatchError } from '../shared/errors.ts';
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
new FactwatchStack(app, 'Factwatch', {
  config,
  description: 'factwatch: news tracker with baseline-fact alerts',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
