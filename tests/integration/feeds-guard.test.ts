import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../shared/errors.ts';
import { fetchFeed, userAgent } from '../../shared/feeds/fetch.ts';
import { LOOPBACK_ALLOWED, PUBLIC_ONLY } from '../../shared/feeds/guard.ts';
import { createPoliteQueue } from '../../shared/feeds/politeness.ts';
import { type FeedServer, startFeedServer } from '../support/feed-server.ts';

const ua = userAgent('0.1.0', 'ops@example.org');

async function failureOf(url: string, network = PUBLIC_ONLY): Promise<FeedError> {
  try {
    await fetchFeed({ url }, { userAgent: ua, network });
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('the SSRF guard', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(() => server.close());

  it.each([
    [
      'a loopback address',
      () => server.url('/rdf.xml'),
      /127\.0\.0\.1 is a private, loopback or link-local address/,
    ],
    [
      'a name resolving to loopback',
      () => server.url('/rdf.xml').replace('127.0.0.1', 'localhost'),
      /localhost resolves to (127\.0\.0\.1|::1)/,
    ],
    [
      'the cloud metadata address',
      () => 'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is a private/,
    ],
    ['a private network', () => 'http://10.1.2.3/feed', /10\.1\.2\.3 is a private/],
    ['a unique-local IPv6 address', () => 'http://[fd00::1]/feed', /fd00::1 is a private/],
    ['an IPv4-compatible IPv6 loopback', () => 'http://[::127.0.0.1]/feed', /::7f00:1 is a private/],
    [
      'an IPv4-mapped metadata address',
      () => 'http://[::ffff:169.254.169.254]/',
      /::ffff:a9fe:a9fe is a private/,
    ],
    [
      'NAT64 to the metadata address',
      () => 'http://[64:ff9b::a9fe:a9fe]/',
      /64:ff9b::a9fe:a9fe is a private/,
    ],
    ['6to4 to a private network', () => 'http://[2002:a00:1::1]/', /2002:a00:1::1 is a private/],
    ['a site-local IPv6 address', () => 'http://[fec0::1]/', /fec0::1 is a private/],
    ['a file URL', () => 'file:///etc/passwd', /only http and https feeds are fetched, not file:/],
    [
      'credentials in the URL',
      () => 'http://user:secret@example.org/feed',
      /credentials in feed URLs are refused/,
    ],
    [
      'a URL over 2,048 characters',
      () => `https://example.org/${'a'.repeat(2100)}`,
      /URL of 2\d{3} characters refused/,
    ],
  ])('refuses %s with a clear message', async (_case, url, message) => {
    const before = server.requests.length;

    const error = await failureOf(url());

    expect(error.failure).toBe('blocked');
    expect(error.message).toMatch(message);
    expect(server.requests.length).toBe(before);
  });

  it('ignores FACTWATCH_ALLOW_PRIVATE_NETWORKS: no environment variable lifts the guard', async () => {
    process.env.FACTWATCH_ALLOW_PRIVATE_NETWORKS = '1';
    try {
      expect((await failureOf(server.url('/rdf.xml'))).failure).toBe('blocked');
      expect((await failureOf('http://169.254.169.254/latest/meta-data/')).failure).toBe('blocked');
    } finally {
      delete process.env.FACTWATCH_ALLOW_PRIVATE_NETWORKS;
    }
  });

  it('lets tests and the demo reach loopback when they pass the allowance in code', async () => {
    const result = await fetchFeed(
      { url: server.url('/rdf.xml') },
      { userAgent: ua, network: LOOPBACK_ALLOWED },
    );

    expect(result.status).toBe('ok');
  });

  it.each([
    [
      'link-local and metadata',
      'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is a private/,
    ],
    ['a private network', 'http://192.168.1.1/feed', /192\.168\.1\.1 is a private/],
    [
      'the Lambda runtime API port',
      'http://127.0.0.1:9001/2018-06-01/runtime/invocation/next',
      /port 9001 on loopback/,
    ],
  ])('still refuses %s with the loopback allowance', async (_case, url, message) => {
    const error = await failureOf(url, LOOPBACK_ALLOWED);

    expect(error.failure).toBe('blocked');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['to the metadata address', '/redirect-metadata', /169\.254\.169\.254 is a private/],
    ['to the runtime API', '/redirect-runtime-api', /port 9001 on loopback/],
    ['to a URL over 2,048 characters', '/redirect-long', /URL of \d{4} characters refused/],
  ])('refuses a redirect %s, on that hop', async (_case, path, message) => {
    const error = await failureOf(server.url(path), LOOPBACK_ALLOWED);

    expect(error.failure).toBe('blocked');
    expect(error.message).toMatch(message);
  });
});

describe('createPoliteQueue()', () => {
  let server: FeedServer;
  let otherServer: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    otherServer = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
    await otherServer.close();
  });

  it('keeps requests to one host at least the spacing apart, as the host sees them, while other hosts go on', async () => {
    const queue = createPoliteQueue({ concurrency: 4, hostSpacingMs: 250 });
    const sameHost = Array.from({ length: 4 }, () => server.url('/rdf.xml'));
    // Another port is another host (URL.host), as another domain would be.
    const otherHost = otherServer.url('/google-news.xml');
    const before = server.requests.length;

    await Promise.all(
      [...sameHost, otherHost].map((url) =>
        queue.run(url, () => fetchFeed({ url }, { userAgent: ua, network: LOOPBACK_ALLOWED })),
      ),
    );

    const starts = server.requests.slice(before);
    const rdf = starts.filter((request) => request.path === '/rdf.xml').map((request) => request.at);
    for (let index = 1; index < rdf.length; index++)
      expect(rdf[index]! - rdf[index - 1]!).toBeGreaterThanOrEqual(250);
    // The other host was not held back behind the first host's spacing.
    expect(otherServer.requests[0]!.at - rdf[0]!).toBeLessThan(250);
    expect(rdf).toHaveLength(4);
  });

  it('bounds total concurrency', async () => {
    const queue = createPoliteQueue({ concurrency: 2, hostSpacingMs: 0 });
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active--;
    };

    await Promise.all(Array.from({ length: 8 }, (_, index) => queue.run(`http://host-${index}.test/`, task)));

    expect(peak).toBe(2);
  });
});
