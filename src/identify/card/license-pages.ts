// Addresses that name a license: a license page (OSI, SPDX, choosealicense, Apache, Creative Commons, GNU) or a
// shields.io badge, whose words a card shows as a link or an image ("[license](…/by-nc/4.0/)", a "License: CC BY-NC"
// badge with no alt text).

/** License pages whose address names the license. */
const LICENSE_PAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/opensource\.org\/licenses?\/([\w.+-]+?)(?:\.php|\.html)?\/?$/i, (m) => m[1]!],
  [/spdx\.org\/licenses\/([\w.+-]+?)(?:\.html)?\/?$/i, (m) => m[1]!],
  [/choosealicense\.com\/licenses\/([\w.+-]+?)\/?$/i, (m) => m[1]!],
  [/apache\.org\/licenses\/LICENSE-2\.0(?:\.txt|\.html)?\/?$/i, () => 'Apache-2.0'],
  [/creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)\/?/i, (m) => `CC-${m[1]!.toUpperCase()}-${m[2]}`],
  [/gnu\.org\/licenses\/((?:a|l)?gpl)-(\d\.\d)/i, (m) => `${m[1]!.toUpperCase()}-${m[2]}-only`],
];

/** The license id a license page's address names, if it is one. */
export function linkedLicenseId(link: string): string | undefined {
  for (const [re, id] of LICENSE_PAGES) { const m = re.exec(link.trim()); if (m) return id(m); }
  return undefined;
}

/** A shields.io static badge: /badge/<label>-<message>-<color>, `--` an escaped dash, `_` or %20 a space. */
const BADGE = /^https?:\/\/img\.shields\.io\/badge\/([^?#]+?)(?:\.svg|\.png)?(?:[?#].*)?$/i;

/**
 * The words an address says, for reading as the card's text: a license page's id ("CC-BY-NC-4.0"), a badge's label and
 * message ("License CC BY-NC 4.0"); empty for any other address.
 */
export function addressWords(url: string | undefined | null): string {
  if (!url) return '';
  const id = linkedLicenseId(url);
  if (id) return id;
  const badge = BADGE.exec(url.trim());
  if (!badge) return '';
  let text: string;
  try { text = decodeURIComponent(badge[1]!); } catch { text = badge[1]!; }
  // The last dash-separated part is the colour; `--` is a dash and `__` an underscore inside a part.
  const parts = text.replace(/--/g, '\u0000').replace(/__/g, '\u0001').split('-');
  if (parts.length > 1) parts.pop();
  return parts.join(' ').replace(/\u0000/g, '-').replace(/\u0001/g, '_').replace(/_/g, ' ');
}
