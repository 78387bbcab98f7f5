/**
 * `factwatch/<version> (+<contact>)`: FACTWATCH_CONTACT names who to write to; SEC
 * EDGAR refuses requests without one. (A module of its own, so handlers that do not
 * fetch do not bundle the HTTP client.)
 *
 * @example
 * userAgent('0.1.0', 'ops@example.org'); // 'factwatch/0.1.0 (+ops@example.org)'
 */
export function userAgent(version: string, contact: string | undefined): string {
  return `factwatch/${version} (+${contact?.trim() || 'https://github.com/factwatch/factwatch; set FACTWATCH_CONTACT'})`;
}
