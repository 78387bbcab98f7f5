import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandler } from '../../functions/notify.ts';
import { serveReportHandler } from '../../functions/serve-report.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import type { StoredFinding } from '../../shared/model/findings.ts';
import { newLinkToken, reportLink } from '../../shared/report/link.ts';
import { closeRuntimes, runtimeFromEnvironment } from '../../shared/runtime/environment.ts';
import type { ReportSetup } from '../../shared/runtime/report.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type Store } from '../../shared/store/client.ts';
import { saveFinding } from '../../shared/store/findings.ts';
import { publishReport, REPORT_KEY } from '../../shared/usecases/publish-report.ts';
import { changeFinding, findingInsertRecord } from '../support/findings.ts';
import { type AlertTopic, handlerEnvironment, startAlertTopic } from '../support/sns.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

const TOKEN = newLinkToken();
const URL_BASE = 'https://abc123.lambda-url.eu-west-1.on.aws/';

/** A function URL request for `path`, as Lambda delivers it. */
const request = (path: string, method = 'GET') => ({
  version: '2.0',
  rawPath: path,
  rawQueryString: '',
  headers: {},
  requestContext: { http: { method, path } },
  isBase64Encoded: false,
});

describe("the story's page, deployed: published to S3, served for the right token only", () => {
  let store: Store;
  let topic: AlertTopic;
  let s3: S3Client;
  let report: ReportSetup;
  let serve: ReturnType<typeof serveReportHandler>;
  const bucket = `factwatch-pages-${Date.now()}`;

  beforeAll(async () => {
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date('2025-07-28T00:00:00Z'));
    // fauxqs is the SNS/SQS emulator and S3 too: the page goes to a real (emulated) bucket.
    topic = await startAlertTopic();
    s3 = new S3Client({
      endpoint: topic.emulator.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // The token lives in an SSM SecureString when deployed; no SSM runs locally, so the
    // token source is the one stand-in here (the bucket and the handler are real).
    report = {
      target: { s3, bucket },
      title: 'A story of its own',
      token: async () => TOKEN,
      link: async () => reportLink(URL_BASE, TOKEN),
    };
    serve = serveReportHandler(() => report);
  });
  afterAll(async () => {
    closeRuntimes();
    s3.destroy();
    await topic.stop();
  });

  /** A stored finding's stream record through the deployed notify handler, which publishes the page. */
  const notified = async (finding: StoredFinding, sequenceNumber?: string) => {
    await saveFinding(store, finding);
    const env = handlerEnvironment(store, topic, dynamoEndpoint(), {
      quietHours: null,
      maxAlertAgeHours: null,
    });
    const notify = notifyHandler(
      () => runtimeFromEnvironment(env),
      () => report,
    );
    return notify({
      Records: [findingInsertRecord(finding, sequenceNumber)],
    } as unknown as DynamoDBStreamEvent);
  };
  const pageText = async () =>
    (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: REPORT_KEY }))).Body?.transformToString();

  it('before any page is written, the right link says so instead of failing', async () => {
    const response = await serve(request(`/${TOKEN}`));

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('has not been written yet');
  });

  it('after an alert, notify publishes the page, and the email ends with its link', async () => {
    const finding = changeFinding({
      factId: 'deal.value',
      topic: 'deal',
      observed: { kind: 'money', amount: 22e9, currency: 'USD' },
      baseline: { kind: 'money', amount: 16.5e9, currency: 'USD' },
      evidence: 'Tesla and Samsung expand foundry pact to $22 billion',
      source: 'Bloomberg',
    });

    const response = await notified(finding);
    const emails = await topic.drain('email');

    expect(response?.batchItemFailures).toEqual([]);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body.trim().split('\n').at(-1)).toBe(
      `The whole story, every fact and source: ${URL_BASE}${TOKEN}`,
    );
    expect(await pageText()).toContain('Tesla and Samsung expand foundry pact to $22 billion');
  });

  it('serves the page for the right token, with no-store, no-referrer and noindex', async () => {
    const response = await serve(request(`/${TOKEN}`));

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
    expect(response.body).toContain('$16.5B → <span class="now">$22B</span>');
  });

  // From a review: a follow-up (news since said otherwise) went out by email, but the page still showed the change alone.
  it('after a follow-up, notify publishes the page again with the news that said otherwise', async () => {
    const denial = changeFinding({
      factId: 'deal.value',
      topic: 'deal',
      status: 'confirmed',
      observed: { kind: 'money', amount: 16.5e9, currency: 'USD' },
      baseline: { kind: 'money', amount: 16.5e9, currency: 'USD' },
      evidence: 'Samsung says its Tesla contract stays at $16.5 billion, denying an expansion',
      source: 'Reuters',
      published: '2025-08-02T11:00:00.000Z',
      observedAt: '2025-08-02T11:30:00.000Z',
    });

    await notified(denial, '200');
    const [email, ...more] = await topic.drain('email');

    expect(more).toEqual([]);
    expect(email!.subject).toMatch(/since said \$16\.5B/);
    expect(await pageText()).toContain('denying an expansion');
  });

  it.each([
    ['no token', '/'],
    ['a wrong token', `/${newLinkToken()}`],
    ['the token cut short', `/${TOKEN.slice(0, -1)}`],
    ['the token with more after it', `/${TOKEN}x`],
    ['the bucket key instead', `/${REPORT_KEY}`],
  ])('answers %s with the same plain 404', async (_what, path) => {
    const response = await serve(request(path));

    expect(response).toMatchObject({ statusCode: 404, body: 'Not found' });
  });

  it('refuses anything but GET and HEAD, and a request that is not a function URL event', async () => {
    expect((await serve(request(`/${TOKEN}`, 'POST'))).statusCode).toBe(405);
    expect((await serve({ hello: 'world' })).statusCode).toBe(400);
  });

  it('publishes again on demand (the digest does), replacing the page', async () => {
    const bytes = await publishReport(store, report.target, { now: new Date(), title: 'Another title' });
    const response = await serve(request(`/${TOKEN}`));

    expect(bytes).toBeGreaterThan(1000);
    expect(response.body).toContain('<h1>Another title</h1>');
  });
});
