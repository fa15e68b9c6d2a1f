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

const SPDX_TAG = 'SPDX-License-Identifier:';

/** The first SPDX tag: the rest of its line, cut at a comment end, trimmed. A scan, not a regex: linear on any line. */
function spdxTag(text: string): { index: number; value: string } | undefined {
  const index = text.indexOf(SPDX_TAG);
  if (index < 0) return undefined;
  const start = index + SPDX_TAG.length;
  let end = start;
  while (end < text.length && end - start < 500 && text[end] !== '\n' && text[end] !== '\r' && text[end] !== '*') end++;
  let value = text.slice(start, end);
  const comment = value.indexOf('-->');
  if (comment >= 0) value = value.slice(0, comment);
  value = value.trim();
  return value === '' ? undefined : { index, value };
}

/** The licenses a file's text shows, each with the line where it starts; an unrecognised text gives one `unknown`. */
export function identifyLicenseText(file: string, text: string, scope: LicenseScope, rules: RuleSet): LicenseFinding[] {
  const tag = spdxTag(text);
  if (tag) {
    const line = text.slice(0, tag.index).split('\n').length;
    const id = canonicalSpdxId(tag.value) ?? tag.value;
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
