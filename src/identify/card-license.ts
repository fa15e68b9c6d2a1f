// Turns the card's `license`, `license_name` and `license_link` into license findings.
import type { CardDocument, LicenseFinding } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { canonicalSpdxId, expressionLeaves, parseExpression, UNKNOWN } from './spdx.js';

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
  const tree = /\s(and|or|with)\s/i.test(name) ? parseExpression(name.replace(/\s(and|or|with)\s/gi, (m) => m.toUpperCase())) : undefined;
  if (tree && expressionLeaves(tree).every((id) => rules.licenses.has(id) || canonicalSpdxId(id) === id)) {
    return { expression: name.trim().replace(/\s(and|or|with)\s/gi, (m) => m.toUpperCase()), confidence: 1 };
  }
  return undefined;
}

/**
 * The card's license findings. `license: other` resolves through `license_name`, or defers to the file that
 * `license_link` names (whose own finding then speaks); family labels such as `openrail` name no single license.
 */
export function identifyCardLicenses(card: CardDocument, rules: RuleSet, repoFiles: Set<string>): LicenseFinding[] {
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
