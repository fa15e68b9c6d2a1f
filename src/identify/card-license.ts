// Turns the card's `license`, `license_name` and `license_link`, and a README "License" section, into license findings.
import { createRequire } from 'node:module';
import type { CardDocument, LicenseFinding } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { addedTermsIn, identifyLicenseText } from './license-text.js';
import { findAddedTerms } from './added-terms.js';
import { matchesPattern } from './lineage.js';
import { normalizeText } from './normalize.js';
import { sectionWithChildren, splitSections } from './markdown-sections.js';
import { canonicalSpdxId, expressionLeaves, parseExpression, UNKNOWN } from './spdx.js';

type Correct = (name: string, options?: { upgrade?: boolean }) => string | null;
let correct: Correct | undefined;

/** Creative Commons elements and version numbers a free-text name states: a correction must keep every one of them. */
const ELEMENTS: [RegExp, RegExp][] = [
  [/\b(nc|non-?commercial)\b/i, /-NC\b/], [/\b(nd|no-?deriv\w*)\b/i, /-ND\b/], [/\b(sa|share-?alike)\b/i, /-SA\b/],
];

/** Words in a license name that add to a license: a rider, an exception, other terms. */
const RIDER = /\b(with|and|plus|additional|addendum|rider|exceptions?|modified|custom|amended|terms|except|restricted)\b|(?<!\d[- ]?)\bclause\b|[+&]/i;

/**
 * A free-text name ("Apache 2.0", "MIT License") corrected by spdx-correct, refused when the correction drops a
 * restriction the name states (NonCommercial, NoDerivatives, ShareAlike) or a version number it gives.
 */
function corrected(name: string, rules: RuleSet): string | undefined {
  correct ??= createRequire(import.meta.url)('spdx-correct') as Correct;
  let id: string | null;
  try { id = correct(name, { upgrade: true }); } catch { return undefined; } // spdx-correct throws on odd input: no id
  if (!id || canonicalSpdxId(id) !== id) return undefined;
  // spdx-correct drops words it does not know: "Apache-2.0 WITH Commons-Clause", "MIT (research use only)" and
  // "Apache 2.0 with additional terms" all come back as the bare license, so a name that adds anything is no id.
  if (RIDER.test(name) || findAddedTerms(normalizeText(name).split(' '), rules)) return undefined;
  // "BSD License" → BSD-2-Clause would be a guess: a name without a number gets no id with one.
  if (!/\d/.test(name) && /\d/.test(id)) return undefined;
  if (ELEMENTS.some(([said, kept]) => said.test(name) !== kept.test(id!))) return undefined;
  const versions = name.match(/\d+(\.\d+)?/g) ?? [];
  if (!versions.every((v) => id!.includes(v.includes('.') ? v : `${v}.`) || id!.includes(`-${v}`))) return undefined;
  return id;
}

/** Resolves one license name: Hugging Face id, rule id or alias, SPDX id, or SPDX expression. */
export function resolveLicenseName(name: string, rules: RuleSet): { expression: string; confidence: number } | undefined {
  const key = name.trim().toLowerCase();
  const hub = rules.hubIds.get(key);
  if (hub?.kind === 'license' && hub.license) return { expression: hub.license, confidence: 1 };
  if (hub) return undefined;
  const alias = rules.aliases.get(key);
  if (alias) return { expression: alias, confidence: alias.toLowerCase() === key ? 1 : 0.9 };
  const spdx = canonicalSpdxId(key);
  if (spdx) return { expression: spdx, confidence: 1 };
  const alias2 = rules.aliases.get(key.replace(/[\s_-]+/g, ' ').replace(/\s+licen[cs]e( agreement)?$/, ' license'));
  if (alias2) return { expression: alias2, confidence: 0.9 };
  const tree = /\s(and|or|with)\s/i.test(name) ? parseExpression(name.replace(/\s(and|or|with)\s/gi, (m) => m.toUpperCase())) : undefined;
  if (tree && expressionLeaves(tree).every((id) => rules.licenses.has(id) || canonicalSpdxId(id) === id)) {
    return { expression: name.trim().replace(/\s(and|or|with)\s/gi, (m) => m.toUpperCase()), confidence: 1 };
  }
  // Dual licensing in words: "MIT or Apache-2.0", "Apache 2.0 / MIT".
  const parts = name.split(/\s+(?:or|\/)\s+|\s*\/\s*/i);
  if (parts.length > 1) {
    const each = parts.map((p) => resolveLicenseName(p, rules));
    if (each.every((r) => r && !/\s/.test(r.expression))) {
      return { expression: each.map((r) => r!.expression).join(' OR '), confidence: Math.min(...each.map((r) => r!.confidence)) };
    }
    return undefined;
  }
  const fixed = corrected(name, rules);
  if (fixed) return { expression: fixed, confidence: 0.8 };
  return undefined;
}

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
      if (other) findings.push({ ...other, source: { ...source, line: other.line ?? source.line }, scope: { kind: 'repo' } });
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
    if (resolved) findings.push({ ...resolved, source, scope: { kind: 'repo' } });
    else findings.push({ expression: UNKNOWN, confidence: 0, source, scope: { kind: 'repo' }, raw: text });
  });
  return findings;
}

function resolveOther(card: CardDocument, rules: RuleSet, repoFiles: Set<string>) {
  const name = card.metadata['license_name'];
  const link = card.metadata['license_link'];
  if (typeof name === 'string') {
    const resolved = resolveLicenseName(name, rules);
    if (resolved) return { ...resolved, line: card.lines['license_name'] };
  }
  if (typeof link === 'string' && repoFiles.has(link.replace(/^\.?\//, ''))) return undefined;
  const raw = [name, link].filter((v) => typeof v === 'string').join(' ') || 'other';
  return { expression: UNKNOWN, confidence: 0, raw, line: card.lines['license_name'] ?? card.lines['license_link'] };
}

/** Fewer words than this in a License section is a sentence about the license, not the license text. */
const PASTED_TEXT_WORDS = 80;
const LICENSE_HEADING = /^(licen[cs]e|licensing|license information|licen[cs]e and (terms|use))\b/i;
/** Other headings of a section that states terms. */
const TERMS_HEADING = /\b(licen[cs]es?|licen[cs]ing|terms|conditions|restrictions?|acceptable use|use policy|permitted uses?|prohibited uses?)\b/i;
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
    const heading = section.heading.replace(/^[^\p{L}\p{N}]+/u, '');
    const scope = { kind: 'repo' as const };
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
