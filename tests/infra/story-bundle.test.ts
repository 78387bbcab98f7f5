import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marshall } from '@aws-sdk/util-dynamodb';
import { App } from 'aws-cdk-lib';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';
import { FactwatchStack } from '../../infra/factwatch-stack.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { readSettings } from '../../shared/config/settings.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import { findingsForFact } from '../../shared/store/findings.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

/**
 * A story of the owner's own, deployed: `baselineFile` names a sheet with a rules.json beside it
 * (tests/fixtures/stories/intel-ohio), the stack is synthesized with its λs really bundled, and the
 * analyze bundle CDK would upload — loaded from cdk.out — reads an item of that story into a
 * finding in DynamoDB Local. Nothing here stands in for the bundle, the copy or the store.
 */
const STORY = join(PROJECT_ROOT, 'tests', 'fixtures', 'stories', 'intel-ohio');

type Resource = { Type: string; Properties: Record<string, unknown> };

/** The folder of the analyze λ's bundle in the cloud assembly. */
function analyzeAsset(outdir: string, resources: Record<string, Resource>): string {
  const [analyze] = Object.entries(resources).filter(
    ([id, resource]) => resource.Type === 'AWS::Lambda::Function' && id.startsWith('AnalyzeFunction'),
  );
  // The code's S3 key is the asset's hash, and the assembly keeps the asset in asset.<hash>.
  const key = (analyze![1].Properties.Code as { S3Key: string }).S3Key;
  return join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
}

/** The stream record of an item's first version, as Lambda delivers it to analyze. */
function itemInsert(key: string, title: string) {
  const item = {
    pk: `ITEM#${key}`,
    sk: 'V#0001',
    type: 'item',
    key,
    feedId: 'intel-newsroom',
    title,
    link: `https://example.com/${key}`,
    source: 'Intel newsroom',
    published: '2026-11-30T08:00:00.000Z',
    contentHash: 'h1',
    version: 1,
    firstSeenAt: '2026-11-30T08:05:00.000Z',
    seenAt: '2026-11-30T08:05:00.000Z',
  };
  return {
    eventID: '1',
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/factwatch/stream/2026-11-30T00:00:00.000',
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }),
      NewImage: marshall(item),
      SequenceNumber: '1',
      SizeBytes: 512,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

describe('a story of its own, deployed', () => {
  let asset: string;
  beforeAll(() => {
    const outdir = mkdtempSync(join(tmpdir(), 'factwatch-story-synth-'));
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['OwnStory'] } });
    const config = readSettings({
      baselineFile: join(STORY, 'baseline.json'),
      feedsFile: join(STORY, 'feeds.json'),
    });
    const stack = new FactwatchStack(app, 'OwnStory', { config });
    const template = app.synth().getStackByName(stack.stackName).template as {
      Resources: Record<string, Resource>;
    };
    asset = analyzeAsset(outdir, template.Resources);
  }, 180_000);

  it("bundles the story's sheet and rules with the analyze λ", () => {
    expect(readFileSync(join(asset, 'story', 'rules.json'), 'utf8')).toBe(
      readFileSync(join(STORY, 'rules.json'), 'utf8'),
    );
    expect(readFileSync(join(asset, 'story', 'baseline.json'), 'utf8')).toBe(
      readFileSync(join(STORY, 'baseline.json'), 'utf8'),
    );
  });

  it("the bundled analyze λ reads the story's facts from the news", async () => {
    const store = await freshStore();
    const sheet = loadBaselineFile(join(STORY, 'baseline.json'));
    await seedBaseline(store, sheet.facts, new Date('2026-11-01T00:00:00Z'), sheet);
    // The handler reads its table from the λ environment, as deployed.
    Object.assign(process.env, {
      TABLE_NAME: store.tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint(),
      FACTWATCH_LOG: 'silent',
    });
    const bundle = (await import(pathToFileURL(join(asset, 'index.mjs')).href)) as {
      handler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: unknown[] }>;
    };

    const result = await bundle.handler({
      Records: [itemInsert('o1', 'Intel delays Ohio fab production to 2031')],
    } as unknown as DynamoDBStreamEvent);

    expect(result.batchItemFailures).toEqual([]);
    const findings = await findingsForFact(store, 'ohio.production_start', { since: new Date(0) });
    expect(findings).toEqual([
      expect.objectContaining({ status: 'changed', observed: { kind: 'year', value: 2031 } }),
    ]);
  });
});
