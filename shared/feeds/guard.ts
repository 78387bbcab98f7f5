import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { FeedError } from '../errors.ts';

/**
 * SSRF guard: feeds are user input, and a feed URL must never reach the cloud
 * metadata service, the Lambda runtime API or a private network. Checked on the
 * URL before every request (each redirect hop included) and again on every
 * address DNS returns at connect time, so DNS rebinding cannot slip past.
 *
 * Nothing here reads the environment: the only exception, loopback for the test
 * fixtures and the bundled demo, is a `NetworkPolicy` a caller passes in code.
 * The deployed poll λ passes none.
 */
export interface NetworkPolicy {
  /** 127.0.0.0/8 and ::1 only — never link-local, metadata, private ranges or the runtime API port. */
  allowLoopback: boolean;
}

export const PUBLIC_ONLY: NetworkPolicy = { allowLoopback: false };
/** For tests and `run --demo`: their feed servers listen on loopback. */
export const LOOPBACK_ALLOWED: NetworkPolicy = { allowLoopback: true };

/** URLs longer than this are refused, on every hop (feeds file, `check`, a Location header). */
export const MAX_URL_LENGTH = 2048;

/** The Lambda runtime API listens on 127.0.0.1:9001; even an allowed loopback never reaches it. */
const RUNTIME_API_PORT = '9001';

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // IPv4-compatible (::a.b.c.d, so [::127.0.0.1]), the unspecified address and ::1.
  ['::', 96],
  // NAT64 (64:ff9b::a.b.c.d reaches a.b.c.d through a gateway) and its local-use range.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  // Teredo and 6to4 embed an IPv4 address too.
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d, or its hex form) as the IPv4 address it maps. */
function mappedIpv4(address: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function isLoopback(address: string): boolean {
  const v4 = isIP(address) === 4 ? address : mappedIpv4(address);
  return v4 ? LOOPBACK.check(v4, 'ipv4') : isIP(address) === 6 && LOOPBACK.check(address, 'ipv6');
}

/**
 * True when an address is loopback, private, link-local (the metadata address
 * 169.254.169.254 included), unique- or site-local, an IPv6 form that embeds an
 * IPv4 address (IPv4-compatible, NAT64, 6to4, Teredo) or otherwise not on the
 * public internet. With `allowLoopback`, loopback alone is let through.
 *
 * @example
 * isBlockedAddress('169.254.169.254'); // true
 * isBlockedAddress('::127.0.0.1');     // true
 * isBlockedAddress('93.184.216.34');   // false
 */
export function isBlockedAddress(address: string, policy: NetworkPolicy = PUBLIC_ONLY): boolean {
  if (policy.allowLoopback && isLoopback(address)) return false;
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = mappedIpv4(address);
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/**
 * Checks a URL before any request: http(s) only, no credentials, at most
 * MAX_URL_LENGTH characters, no literal blocked address, never the runtime API
 * port on loopback. Throws a FeedError('blocked') that says why, in one line.
 */
export function assertFetchableUrl(url: URL, policy: NetworkPolicy = PUBLIC_ONLY): void {
  if (url.href.length > MAX_URL_LENGTH) {
    throw new FeedError(
      'fetch',
      'blocked',
      `URL of ${url.href.length} characters refused (at most ${MAX_URL_LENGTH}): ${url.href.slice(0, 80)}…`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError(
      'fetch',
      'blocked',
      `only http and https feeds are fetched, not ${url.protocol} (${url.href.slice(0, 200)})`,
    );
  }
  if (url.username || url.password) {
    throw new FeedError('fetch', 'blocked', `credentials in feed URLs are refused (${url.host})`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isBlockedAddress(host, policy)) {
    throw new FeedError(
      'fetch',
      'blocked',
      `${host} is a private, loopback or link-local address (${url.href})`,
    );
  }
  if (url.port === RUNTIME_API_PORT && (isIP(host) ? isLoopback(host) : host === 'localhost')) {
    throw new FeedError(
      'fetch',
      'blocked',
      `port ${RUNTIME_API_PORT} on loopback is never fetched (${url.href})`,
    );
  }
}

/**
 * Why the deployed poller will refuse a feed URL, judged as written (synth warns with it), or undefined:
 * an address literal it never fetches, or `localhost`, which resolves to loopback. A name that resolves to a
 * private address is only known when it is polled.
 *
 * @example
 * refusedAsWritten('http://127.0.0.1:8765/feed.xml'); // '127.0.0.1 is a private, loopback or link-local address (…)'
 */
export function refusedAsWritten(url: string): string | undefined {
  const parsed = new URL(url);
  if (/^localhost\.?$/i.test(parsed.hostname)) return `localhost resolves to loopback (${parsed.href})`;
  try {
    assertFetchableUrl(parsed);
    return undefined;
  } catch (error) {
    if (error instanceof FeedError) return error.message.replace(/^fetch: /, '');
    throw error;
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup for the HTTP agent that refuses blocked addresses after resolution.
 *
 * @example
 * new Agent({ connect: { lookup: guardedLookup(PUBLIC_ONLY) } });
 */
export function guardedLookup(policy: NetworkPolicy) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const blocked = list.find((entry) => isBlockedAddress(entry.address, policy));
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
  };
}
