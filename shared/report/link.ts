import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new secret for the report link: 192 random bits, URL-safe (32 characters). The
 * link is the owner's only key to the page, so it is long enough never to be guessed.
 *
 * @example
 * newLinkToken(); // 'q3V0o2nJ8bR1…' (32 characters of A–Z a–z 0–9 - _)
 */
export function newLinkToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Whether the token a request carries is the link's, compared in constant time so
 * response times say nothing about how much of it was right.
 *
 * @example
 * sameToken(fromRequest, fromParameter); // true only for the exact token
 */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (!given || expected.length === 0) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The page's link: the serving function's URL, then the token as its path. */
export function reportLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${token}`;
}

/** The custom resource type that makes the token on deploy (handled by the seed λ). */
export const REPORT_LINK_RESOURCE = 'Custom::ReportLinkToken';
