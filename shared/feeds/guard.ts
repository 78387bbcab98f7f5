import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { FeedError } from '../errors.ts';

/**
 * SSRF guard: feeds are user input, and a feed URL must never reach the cloud
 * metadata service or a private network. Checked on the URL before fetching and
 * again on every address DNS returns at connect time (so DNS rebinding cannot
 * slip past). FACTWATCH_ALLOW_PRIVATE_NETWORKS=1 lifts it for tests and local fixtures.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

export function privateNetworksAllowed(): boolean {
  return process.env.FACTWATCH_ALLOW_PRIVATE_NETWORKS === '1';
}

/**
 * True when an address is loopback, private, link-local (the metadata address
 * 169.254.169.254 included), unique-local or otherwise not on the public internet.
 *
 * @example
 * isBlockedAddress('169.254.169.254'); // true
 * isBlockedAddress('93.184.216.34');   // false
 */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/**
 * Checks a URL before any request: http(s) only, and no literal blocked address.
 * Throws a FeedError('blocked') that says why, in one line.
 */
export function assertFetchableUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError(
      'fetch',
      'blocked',
      `only http and https feeds are fetched, not ${url.protocol} (${url.href})`,
    );
  }
  if (url.username || url.password) {
    throw new FeedError('fetch', 'blocked', `credentials in feed URLs are refused (${url.host})`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!privateNetworksAllowed() && isIP(host) && isBlockedAddress(host)) {
    throw new FeedError(
      'fetch',
      'blocked',
      `${host} is a private, loopback or link-local address (${url.href})`,
    );
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup for the HTTP agent that refuses blocked addresses after resolution.
 */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const blocked = privateNetworksAllowed()
      ? undefined
      : list.find((entry) => isBlockedAddress(entry.address));
    if (blocked) {
      const refusal = new FeedError(
        'fetch',
        'blocked',
        `${hostname} resolves to ${blocked.address}, a private, loopback or link-local address`,
      );
      return callback(refusal as unknown as NodeJS.ErrnoException, []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
}
