import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../shared/errors.ts';
import { fetchFeed, userAgent } from '../../shared/feeds/fetch.ts';
import { createPoliteQueue } from '../../shared/feeds/politeness.ts';
import { type FeedServer, startFeedServer } from '../support/feed-server.ts';

const ua = userAgent('0.1.0', 'ops@example.org');

async function failureOf(url: string): Promise<FeedError> {
  try {
    await fetchFeed({ url }, { userAgent: ua });
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
  afterEach(() => {
    process.env.FACTWATCH_ALLOW_PRIVATE_NETWORKS = '1';
  });

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
    ['a file URL', () => 'file:///etc/passwd', /only http and https feeds are fetched, not file:/],
    [
      'credentials in the URL',
      () => 'http://user:secret@example.org/feed',
      /credentials in feed URLs are refused/,
    ],
  ])('refuses %s with a clear message', async (_case, url, message) => {
    delete process.env.FACTWATCH_ALLOW_PRIVATE_NETWORKS;
    const before = server.requests.length;

    const error = await failureOf(url());

    expect(error.failure).toBe('blocked');
    expect(error.message).toMatch(message);
    expect(server.requests.length).toBe(before);
  });

  it('lets tests and local fixtures through with FACTWATCH_ALLOW_PRIVATE_NETWORKS=1', async () => {
    const result = await fetchFeed({ url: server.url('/rdf.xml') }, { userAgent: ua });

    expect(result.status).toBe('ok');
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
      [...sameHost, otherHost].map((url) => queue.run(url, () => fetchFeed({ url }, { userAgent: ua }))),
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
