// Turns bytes into text: BOMs, UTF-16 LE/BE, and a refusal for binary content.

export type Decoded = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'empty' };

/** Decodes a text file; anything with NUL bytes that is not UTF-16 is binary. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { kind: 'empty' };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (looksLikeUtf16(bytes)) text = new TextDecoder(bytes[0] === 0 ? 'utf-16be' : 'utf-16le').decode(bytes);
  else {
    if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
    text = decodeUtf8OrLatin1(bytes).replace(/^\uFEFF/, '');
  }
  if (controlShare(text) > 0.1) return { kind: 'binary' };
  return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a sequence cut by the read cap at the very end is dropped), else
 * Windows-1252/Latin-1, the usual encoding of older license files: every byte is then a character, so
 * "Jürgen" stays readable instead of turning into U+FFFD and failing identification without a word.
 */
function decodeUtf8OrLatin1(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
      .replace(/[\u0080-\u009f]/g, (ch) => CP1252[ch.charCodeAt(0) - 0x80]!);
  }
}

// Node's 'windows-1252' decoder is plain ISO-8859-1; this is the real code page's 0x80–0x9F row (quotes, dashes, €).
const CP1252 = [...'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'];

/** UTF-16 without a BOM: ASCII text leaves every other byte zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenZero++ : oddZero++);
  const half = sample.length / 2;
  return (evenZero > half * 0.9 && oddZero === 0) || (oddZero > half * 0.9 && evenZero === 0);
}

/** The share of characters that are control characters other than tab, CR and LF (or U+FFFD from bad bytes). */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return 0;
  // One native regex scan: a per-character loop ran cold (interpreted) on every file at start-up and cost ~10 ms.
  // Every counted character is a single UTF-16 unit, so the count is the same as a loop over code points.
  // eslint-disable-next-line no-control-regex
  return (sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0) / sample.length;
}
