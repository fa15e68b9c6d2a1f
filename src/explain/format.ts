// Plain-text and JSON renderings of `osai licenses` and `osai explain` (no colour: the output is for reading and diffing).
import type { Explanation, LicenseRow, ProfileOutcome } from './explain.js';

const SHORT = { granted: 'granted', conditional: 'cond.', restricted: 'RESTRICTED', unknown: 'unknown' } as const;

export function formatLicensesText(rows: LicenseRow[]): string {
  const FREEDOM_COLS = ['use', 'study', 'modify', 'share'] as const;
  const table = rows.map((r) => [r.id, ...FREEDOM_COLS.map((f) => SHORT[r.freedoms[f]]), [r.osiApproved ? 'OSI' : '', r.osdConformant ? 'OSD' : ''].filter(Boolean).join('+') || '-']);
  const head = ['id', ...FREEDOM_COLS, 'open'];
  // Every column as wide as its widest cell, two spaces apart: no value can run into the next (`RESTRICTEDgranted`).
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const render = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const unrated = rows.filter((r) => Object.values(r.freedoms).includes('unknown')).length;
  return `${[render(head), ...table.map(render)].join('\n')}\n\n${rows.length} licenses (${rows.length - unrated} rated, ${unrated} unknown until read). OSI = OSI-approved; OSD = grants all four freedoms with no restriction (osd-conformant).\n`;
}

const OUTCOME: Record<ProfileOutcome, string> = {
  pass: 'can pass', 'pass-with-warning': 'can pass, with a warning', fail: 'cannot pass', 'not-checked': 'no weights rule',
  review: 'needs a person\'s review',
};

export function formatExplainText(e: Explanation): string {
  const l = e.license;
  const out: string[] = [
    `${l.id}: ${l.name}`,
    `  aliases: ${l.aliases.join(', ') || '(none)'}`,
    `  OSI-approved: ${l.osiApproved ? 'yes' : 'no'}; grants all four freedoms without restriction: ${e.osdConformant ? 'yes' : 'no'}`,
    `  categories: ${e.categories.join(', ') || '(none)'}; MOF type-appropriate for: ${l.suits.join(', ') || '(none)'}`,
    '',
    'Freedoms',
  ];
  for (const f of ['use', 'study', 'modify', 'share'] as const) {
    const r = l.freedoms[f];
    out.push(`  ${f.padEnd(7)} ${r.rating.padEnd(12)} ${r.clause}: ${r.reason}`);
  }
  if (l.restrictions.length > 0) {
    out.push('', 'Restrictions');
    for (const r of l.restrictions) {
      const value = r.value === undefined ? '' : ` [${r.value.toLocaleString('en-US')}]`;
      out.push(`  ${r.type}${value} (limits ${r.limits.join(', ')}) ${r.clause}: ${r.text}`);
    }
  }
  if (e.derivativeObligations.length > 0) {
    out.push('', 'Obligations on modified versions and redistribution');
    for (const o of e.derivativeObligations) out.push(`  ${o.type} ${o.clause}: ${o.text}`);
  }
  if (e.otherObligations.length > 0) {
    out.push('', 'Other obligations');
    for (const o of e.otherObligations) out.push(`  ${o.type} ${o.clause}: ${o.text}`);
  }
  out.push('', 'Profiles, for this license on the final weights (other components are checked by `osai check`)');
  for (const p of e.profiles) {
    out.push(`  ${p.profile.padEnd(12)} ${OUTCOME[p.outcome]}${p.reasons.length ? `: ${p.reasons.join('; ')}` : ''}`);
  }
  if (l.sources.length > 0) out.push('', 'Sources', ...l.sources.map((s) => `  ${s}`));
  return `${out.join('\n')}\n`;
}

export function formatExplainJson(e: Explanation): string {
  return `${JSON.stringify({
    id: e.license.id, name: e.license.name, aliases: e.license.aliases, osiApproved: e.license.osiApproved,
    osdConformant: e.osdConformant, categories: e.categories, suits: e.license.suits, freedoms: e.license.freedoms,
    restrictions: e.license.restrictions, obligations: e.license.obligations, profiles: e.profiles, sources: e.license.sources,
  }, null, 2)}\n`;
}
