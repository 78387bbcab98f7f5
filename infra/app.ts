import { App } from 'aws-cdk-lib';
import { FactwatchStack } from './factwatch-stack.ts';

// Environment-agnostic: synthesizes offline, without credentials; `cdk deploy` picks the account.
const app = new App();
new FactwatchStack(app, 'Factwatch', { description: 'factwatch: news tracker with baseline-fact alerts' });
app.synth();
