/** Bytes turned into text, and how: the charset used and where it came from. */
export interface DecodedFeed {
  text: string;
  encoding: string;
  source: 'header' | 'xml-declaration' | 'bom' | 'default';
  warnings: string[];
}

const BOMS: Array<[Buffer, string]> = [
  [Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
  [Buffer.from([0xff, 0xfe]), 'utf-16le'],
  [Buffer.from([0xfe, 0xff]), 'utf-16be'],
];

/** The charset named in a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

function bomOf(bytes: Buffer): { encoding: string; length: number } | undefined {
  for (const [bom, encoding] of BOMS)
    if (bytes.subarray(0, bom.length).equals(bom)) return { encoding, length: bom.length };
  return undefined;
}

/** The encoding in `<?xml … encoding="…"?>`, read as ASCII (or UTF-16 when a BOM says so). */
function charsetFromXmlDeclaration(bytes: Buffer, bom?: string): string | undefined {
  const head = bom?.startsWith('utf-16')
    ? new TextDecoder(bom).decode(bytes.subarray(0, 400))
    : bytes.subarray(0, 200).toString('latin1');
  return /^\s*(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * The WHATWG name of a charset label, if this runtime decodes it. Node's TextDecoder
 * (full ICU) knows the labels feeds use, aliases included: GB2312 → gbk,
 * ISO-8859-1 → windows-1252 (as browsers read them), UTF-16 → utf-16le.
 */
function supported(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a feed body: the charset from Content-Type, else the XML declaration,
 * else the BOM, else UTF-8 (a UTF-16 BOM always wins: no other reading of those
 * bytes can be right). Invalid bytes become U+FFFD; it never throws.
 *
 * @example
 * decodeFeed(gbkBytes, 'text/xml; charset=GBK').text; // '特斯拉…'
 */
export function decodeFeed(bytes: Buffer, contentType?: string): DecodedFeed {
  const warnings: string[] = [];
  const bom = bomOf(bytes);
  const fromHeader = charsetFromContentType(contentType);
  const fromDeclaration = charsetFromXmlDeclaration(bytes, bom?.encoding);
  let chosen: { encoding: string; source: DecodedFeed['source'] } = { encoding: 'utf-8', source: 'default' };
  if (supported(fromHeader)) chosen = { encoding: supported(fromHeader)!, source: 'header' };
  else if (supported(fromDeclaration))
    chosen = { encoding: supported(fromDeclaration)!, source: 'xml-declaration' };
  else if (bom) chosen = { encoding: bom.encoding, source: 'bom' };
  for (const label of [fromHeader, fromDeclaration]) {
    if (label && !supported(label)) warnings.push(`unknown charset "${label}", read as ${chosen.encoding}`);
  }
  if (bom?.encoding.startsWith('utf-16') && chosen.encoding !== bom.encoding) {
    warnings.push(`declared ${chosen.encoding} but the bytes start with a ${bom.encoding} byte-order mark`);
    chosen = { encoding: bom.encoding, source: 'bom' };
  }
  const body = bom && chosen.encoding === bom.encoding ? bytes.subarray(bom.length) : bytes;
  // Not fatal: invalid bytes become U+FFFD.
  const text = new TextDecoder(chosen.encoding, { ignoreBOM: true }).decode(body);
  if (fromHeader && fromDeclaration && supported(fromHeader) !== supported(fromDeclaration)) {
    warnings.push(`Content-Type says ${fromHeader} but the XML declaration says ${fromDeclaration}`);
  }
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
    warnings.push(`bytes that are not valid ${chosen.encoding} were replaced`);
  }
  return { text, encoding: chosen.encoding, source: chosen.source, warnings };
}
