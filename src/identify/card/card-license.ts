// Turns the card's `license`, `license_name` and `license_link`, and a README "License" section, into license findings.
import type { CardDocument, LicenseFinding } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { addedTermsIn, identifyLicenseText } from '../license-text/license-text.js';
import { matchesPattern } from '../lineage/lineage.js';
import { sectionWithChildren, splitSections } from './markdown-sections.js';
import { expressionLeaves, parseExpression, UNKNOWN } from '../../spdx/expression.js';
import { resolveLicenseName } from '../license-name.js';
import { linkedLicenseId } from './license-pages.js';

/**
 * The card's license findings. `license: other` resolves through `license_name`, or defers to the file that
 * `license_link` names (whose own finding then speaks); family labels such as `openrail` name no single license.
 */
export function identifyCardLicenses(
  card: CardDocument, rules: RuleSet, repoFiles: Set<string>, fileFindings: LicenseFinding[] = [],
): LicenseFinding[] {
  // A family label (openrail, bsd, cc, gpl, …) names no single license: a license file that identifies one speaks.
  const fileSpeaks = fileFindings.some((f) => f.source.kind === 'license-file' && f.scope.kind === 'repo' && f.expression !== UNKNOWN);
  const raw = card.metadata['license'];
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const findings: LicenseFinding[] = [];
  values.forEach((value, i) => {
    const line = card.lines[Array.isArray(raw) ? `license[${i}]` : 'license'] ?? card.lines['license'];
    const source = { file: card.file, ...(line ? { line } : {}), kind: 'card-metadata' as const };
    const text = String(value);
    if (text.toLowerCase() === 'other') {
      const other = resolveOther(card, rules, repoFiles);
      // `line` belongs in the source, not on the finding (the report schema has no top-level line).
      if (other) { const { line: at, ...found } = other; findings.push({ ...found, source: { ...source, line: at ?? source.line }, scope: { kind: 'repo' } }); }
      return;
    }
    const hub = rules.hubIds.get(text.trim().toLowerCase());
    if (hub?.kind === 'family' && fileSpeaks) {
      // The file says which member of the family; a file license outside the family (openrail on the card, Apache
      // in LICENSE) contradicts the card, which then settles nothing.
      const outside = fileFindings.filter((f) => f.source.kind === 'license-file' && f.scope.kind === 'repo' && f.expression !== UNKNOWN)
        .flatMap((f) => expressionLeaves(parseExpression(f.expression) ?? { license: f.expression }))
        .filter((id) => hub.members && !hub.members.some((m) => matchesPattern(m, id)));
      if (outside.length === 0) return;
      findings.push({ expression: UNKNOWN, confidence: 0, source, scope: { kind: 'repo' }, raw: `${text} (a license family that does not include ${[...new Set(outside)].join(', ')})` });
      return;
    }
    const resolved = resolveLicenseName(text, rules);
    // The Hub's `gpl-3.0` maps to GPL-3.0-only, but it does not say "only": an -or-later text agrees with it.
    if (resolved) {
      findings.push({
        ...resolved, source, scope: { kind: 'repo' }, ...(VERSION_OPEN_HUB_ID.test(text.trim()) ? { versionOpen: true } : {}),
        ...(values.length > 1 ? { listed: true } : {}),
      });
    }
    else findings.push({ expression: UNKNOWN, confidence: 0, source, scope: { kind: 'repo' }, raw: text });
  });
  if (!values.some((v) => String(v).toLowerCase() === 'other')) findings.push(...nameAndLink(card, rules, repoFiles, findings));
  return findings;
}

/**
 * `license_name` and `license_link` are evidence whatever `license:` says: a name osai resolves is a finding (a
 * different license from `license:` is then a conflict), one it cannot resolve is unknown; a link to a known license
 * page is that license. A link to a page osai does not read, beside an identified license, adds nothing.
 */
function nameAndLink(card: CardDocument, rules: RuleSet, repoFiles: Set<string>, stated: LicenseFinding[]): LicenseFinding[] {
  const out: LicenseFinding[] = [];
  const name = card.metadata['license_name'];
  const link = card.metadata['license_link'];
  const at = (key: string) => ({ file: card.file, ...(card.lines[key] ? { line: card.lines[key] } : {}), kind: 'card-metadata' as const });
  const known = new Set(stated.map((f) => f.expression));
  if (name !== undefined && name !== null) {
    const resolved = typeof name === 'string' ? resolveLicenseName(name, rules) : undefined;
    if (!resolved) out.push({ expression: UNKNOWN, confidence: 0, source: at('license_name'), scope: { kind: 'repo' }, raw: `license_name: ${String(name).slice(0, 200)}` });
    else if (!known.has(resolved.expression)) out.push({ ...resolved, source: at('license_name'), scope: { kind: 'repo' }, raw: `license_name: ${name as string}` });
  }
  if (typeof link === 'string' && repoPath(link, repoFiles) === undefined) {
    const id = linkedLicenseId(link);
    const resolved = id ? resolveLicenseName(id, rules) : undefined;
    if (resolved && !known.has(resolved.expression)) out.push({ ...resolved, source: at('license_link'), scope: { kind: 'repo' }, raw: `license_link: ${link}` });
  } else if (link !== undefined && link !== null && typeof link !== 'string') {
    out.push({ expression: UNKNOWN, confidence: 0, source: at('license_link'), scope: { kind: 'repo' }, raw: `license_link: ${JSON.stringify(link).slice(0, 200)}` });
  }
  return out;
}

/** The repository file a `license_link` names (`LICENSE`, `./LICENSE.md`, the card's own Hub blob URL), if it exists. */
function repoPath(link: string, repoFiles: Set<string>): string | undefined {
  const path = link.trim().replace(/^https?:\/\/huggingface\.co\/[^/]+\/[^/]+\/(?:blob|resolve|raw)\/[^/]+\//i, '').replace(/^\.?\//, '');
  return repoFiles.has(path) ? path : undefined;
}

const VERSION_OPEN_HUB_ID = /^(a|l)?gpl-[23]\.[01]$|^gfdl-1\.[123]$/i;

function resolveOther(card: CardDocument, rules: RuleSet, repoFiles: Set<string>) {
  const name = card.metadata['license_name'];
  const link = card.metadata['license_link'];
  if (typeof name === 'string') {
    const resolved = resolveLicenseName(name, rules);
    if (resolved) return { ...resolved, line: card.lines['license_name'] };
  }
  if (typeof link === 'string' && repoPath(link, repoFiles) !== undefined) return undefined;
  const raw = [name, link].filter((v) => typeof v === 'string').join(' ') || 'other';
  return { expression: UNKNOWN, confidence: 0, raw, line: card.lines['license_name'] ?? card.lines['license_link'] };
}

/** Fewer words than this in a License section is a sentence about the license, not the license text. */
const PASTED_TEXT_WORDS = 80;
const LICENSE_HEADING = /^(licen[cs]e|licensing|license information|licen[cs]e and (terms|use))\b/i;
/** Other headings of a section that states terms. */
const TERMS_HEADING = /\b(licen[cs]es?|licen[cs]ing|terms|conditions|restrictions?|acceptable use|use policy|permitted uses?|prohibited uses?)\b/i;
const TERMS_WORDS = ['licen', 'terms', 'condition', 'restriction', 'use'];
const LICENSED_UNDER = /\b(?:licen[cs]ed|released|distributed|available) under (?:the )?(?:terms of (?:the )?)?([A-Za-z0-9][\w .+-]{1,60}?)(?: licen[cs]e)?(?=[.,;:()\n]|$| \(| and | see )/i;

/**
 * The card's "License" section: a license text pasted there, an SPDX tag, or "licensed under X". An unrecognised
 * sentence gives no finding (the metadata and the LICENSE file speak), never a guess.
 */
export function identifyCardSection(card: CardDocument, rules: RuleSet): LicenseFinding[] {
  const sections = splitSections(card.body, card.bodyLine);
  const findings: LicenseFinding[] = [];
  sections.forEach((section, i) => {
    if (section.level === 0) return;
    // Leading marks ("📜 License", "**License**"); a heading that starts with an ASCII letter or digit has none, and
    // the Unicode pattern is not compiled for it.
    const heading = /^[a-z0-9]/i.test(section.heading) ? section.heading : section.heading.replace(/^[^\p{L}\p{N}]+/u, '');
    const scope = { kind: 'repo' as const };
    // Every alternative of both patterns holds one of TERMS_WORDS: other headings are not compiled against them.
    const lower = heading.toLowerCase();
    if (!TERMS_WORDS.some((w) => lower.includes(w))) return;
    if (!LICENSE_HEADING.test(heading)) {
      // "Model License", "Terms of Use", "Usage restrictions": no license text is looked for, but limits on use bind.
      if (!TERMS_HEADING.test(heading)) return;
      const terms = addedTermsIn(card.file, sectionWithChildren(sections, i), scope, 'card-section', rules, section.line);
      if (terms) findings.push(terms);
      return;
    }
    const text = sectionWithChildren(sections, i);
    // Only a pasted license text is worth the reference matcher (and loading its index); a sentence is read below.
    const pasted = text.split(/\s+/).length >= PASTED_TEXT_WORDS || /SPDX-License-Identifier:/.test(text);
    const fromText = pasted
      ? identifyLicenseText(card.file, text, scope, rules, { kind: 'card-section', lineOffset: section.line }).filter((f) => f.expression !== UNKNOWN || f.addedTerms)
      : [];
    if (fromText.some((f) => f.expression !== UNKNOWN)) { findings.push(...fromText); return; }
    // "The weights are for non-commercial research only": a sentence that limits use binds beside the license named.
    const terms = addedTermsIn(card.file, text, scope, 'card-section', rules, section.line);
    if (terms) findings.push(terms);
    const m = LICENSED_UNDER.exec(text);
    if (!m) return;
    const resolved = resolveLicenseName(m[1]!.trim(), rules) ?? resolveLicenseName(`${m[1]!.trim()} license`, rules);
    if (!resolved) return;
    const line = section.line + text.slice(0, m.index).split('\n').length;
    findings.push({ ...resolved, source: { file: card.file, line, kind: 'card-section' }, scope, raw: m[0].trim() });
  });
  return findings;
}
