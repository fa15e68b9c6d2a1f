// Identifies a license text by the rules' phrases: every phrase must appear and no excluded phrase may.
import type { LicenseFinding, LicenseScope } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { normalizeText } from './normalize.js';
import { canonicalSpdxId, UNKNOWN } from './spdx.js';

interface Matcher { id: string; phrases: string[]; excludes: string[]; weight: number }

const matcherCache = new WeakMap<RuleSet, Matcher[]>();

function matchersFor(rules: RuleSet): Matcher[] {
  let matchers = matcherCache.get(rules);
  if (!matchers) {
    matchers = [...rules.licenses.values()].flatMap((rule) => (rule.identify ? [{
      id: rule.id,
      phrases: rule.identify.phrases.map(normalizeText),
      excludes: rule.identify.excludes.map(normalizeText),
      weight: rule.identify.phrases.join('').length,
    }] : []));
    matcherCache.set(rules, matchers);
  }
  return matchers;
}

const SPDX_TAG = /SPDX-License-Identifier:\s*([^\r\n*]+?)\s*(?:\*\/|-->|$)/m;

/** The licenses a file's text shows, each with the line where it starts; an unrecognised text gives one `unknown`. */
export function identifyLicenseText(file: string, text: string, scope: LicenseScope, rules: RuleSet): LicenseFinding[] {
  const tag = SPDX_TAG.exec(text);
  if (tag) {
    const line = text.slice(0, tag.index).split('\n').length;
    const id = canonicalSpdxId(tag[1]!) ?? tag[1]!;
    return [{ expression: id, confidence: 1, source: { file, line, kind: 'license-file' }, scope }];
  }
  const normalized = ` ${normalizeText(text)} `;
  const hits = matchersFor(rules).filter((m) =>
    m.phrases.every((p) => normalized.includes(` ${p} `)) && !m.excludes.some((p) => normalized.includes(` ${p} `)));
  // A license whose phrases are all inside a longer match's (BSD-2 inside BSD-3) is the same text, not a second license.
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.weight > h.weight && h.phrases.every((p) => o.phrases.includes(p))));
  if (kept.length === 0) {
    return [{ expression: UNKNOWN, confidence: 0, source: { file, line: 1, kind: 'license-file' }, scope, raw: firstLine(text) }];
  }
  return kept
    .map((m) => ({ m, line: lineOf(text, m.phrases[0]!) }))
    .sort((a, b) => a.line - b.line)
    .map(({ m, line }) => ({ expression: m.id, confidence: 0.95, source: { file, line, kind: 'license-file' as const }, scope }));
}

/** The 1-based line on which a normalised phrase starts (searching line by line, then line pairs for wrapped text). */
function lineOf(text: string, phrase: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const head = phrase.split(' ').slice(0, 4).join(' ');
  for (let i = 0; i < lines.length; i++) {
    const joined = normalizeText(`${lines[i]} ${lines[i + 1] ?? ''}`);
    if (` ${joined} `.includes(` ${head} `)) return i + 1;
  }
  return 1;
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim().slice(0, 120);
}
