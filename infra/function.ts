import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_OPTIONS } from './bundling.ts';

const ROOT = join(import.meta.dirname, '..');

export interface FactwatchFunctionProps {
  /** The handler file in functions/, without extension. */
  handler: string;
  environment: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  description: string;
  /**
   * Files copied into the bundle's `story/` folder (name → path on this machine): a story of the owner's
   * own, whose sheet and rules the analyze λ reads at its cold start instead of the shipped story's.
   */
  storyFiles?: Record<string, string>;
}

/** A path as one word of the shell command CDK runs after bundling. */
const shellWord = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;

/**
 * Every factwatch λ: Node.js 24 on arm64, bundled with esbuild (the pinned AWS SDK
 * clients inside, ESM, source maps on), its own log group with a retention.
 */
export class FactwatchFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: FactwatchFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(ROOT, 'functions', `${props.handler}.ts`),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      logGroup: this.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      depsLockFilePath: join(ROOT, 'package-lock.json'),
      projectRoot: ROOT,
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE_OPTIONS.target,
        minify: BUNDLE_OPTIONS.minify,
        sourceMap: BUNDLE_OPTIONS.sourcemap,
        externalModules: [],
        banner: BUNDLE_OPTIONS.banner,
        mainFields: [...BUNDLE_OPTIONS.mainFields],
        ...(props.storyFiles ? { commandHooks: copyInto('story', props.storyFiles) } : {}),
      },
    });
  }
}

/** Bundling hooks that copy `files` into `folder` of the bundle (its hash then covers them: an edit redeploys). */
function copyInto(folder: string, files: Record<string, string>) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_input: string, output: string) => [
      `mkdir -p ${shellWord(join(output, folder))}`,
      ...Object.entries(files).map(
        ([name, path]) => `cp ${shellWord(path)} ${shellWord(join(output, folder, name))}`,
      ),
    ],
  };
}
