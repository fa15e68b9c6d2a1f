// Reads terms in metadata: license/terms/usage keys of model configs, every string of a weights header.
import type { LicenseFinding, Problem, TextDocument, WeightsHeader } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { resolveLicenseName } from '../license-name.js';
import { sentencesOf, sentenceTerms, textTerms } from '../card/terms-sentences.js';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/**
 * A config field that carries terms (`license`, `license_name`, `terms_of_use`, `usage_policy`, `use_restrictions`),
 * on the snake-cased key. `policy` alone is a reinforcement-learning policy and `use_cache` a switch: neither counts.
 */
export const TERMS_KEY = /(^|_)(licen[cs]es?|terms|tos|eula|agreement|(use|usage|acceptable_use)_(policy|restrictions?|terms|notes?)|usage|restrictions?)(_|$)/;
const LICENSE_KEY = /(^|_)licen[cs]es?(_|$)/;
/** A field written for people (`_comment`, `notes`, `disclaimer`): read as a source comment is, for the terms it states. */
const NOTE_KEY = /^_*(comments?|notes?|notice|disclaimer|remarks?)$/;
/** A license value longer than this is a text, not a name: it is read for terms, never resolved. */
const MAX_NAME = 200;
const MAX_VALUE = 64 * 1024;
export const snake = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_');

interface Found { findings: LicenseFinding[]; problems: Problem[] }

/** A config's data by its name: YAML, TOML or else JSON; undefined when it does not parse (it then names no terms). */
export function parseConfig(file: string, text: string): unknown {
  try {
    if (/\.ya?ml$/i.test(file)) return parseYaml(text, { maxAliasCount: 50, prettyErrors: false, logLevel: 'error' });
    if (/\.toml$/i.test(file)) return parseToml(text);
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The license, terms and note fields of the config files (every `*config*.json`, model_index.json, params.json), or,
 * `loose`, of the release's YAML and TOML configs and other JSON files.
 */
export function identifyConfigTerms(docs: TextDocument[], rules: RuleSet, loose = false): Found {
  const out: Found = { findings: [], problems: [] };
  for (const doc of docs) {
    const data = parseConfig(doc.file, doc.text);
    // A list at the top is records (data, samples), not a config: its items' `license` keys are theirs.
    if (loose && Array.isArray(data)) continue;
    const walk = (value: unknown, path: string, depth: number) => {
      if (!value || typeof value !== 'object' || depth > 4) return;
      for (const [key, v] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        const k = snake(key);
        const isLicense = LICENSE_KEY.test(k);
        // In a file that is not a model config (`loose`), a terms-like key of another type is a metric or a name.
        if (isLicense || (TERMS_KEY.test(k) && (loose ? typeof v === 'string' : typeof v !== 'object' || v === null))) judgeField(doc.file, at, v, isLicense, rules, out);
        else if (NOTE_KEY.test(k) && typeof v === 'string') judgeNote(doc.file, at, v, rules, out);
        else if (typeof v === 'object') walk(v, at, depth + 1);
      }
    };
    walk(data, '', 0);
  }
  return out;
}

/** A note field: each sentence read as a source comment is ("_comment": "These weights are for non-commercial use only."). */
function judgeNote(file: string, key: string, value: string, rules: RuleSet, out: Found): void {
  for (const { sentence } of sentencesOf(value.slice(0, MAX_VALUE))) {
    const hit = sentenceTerms(sentence, rules.cardTerms, 'comment');
    if (!hit) continue;
    out.findings.push({ expression: UNKNOWN, confidence: 0, source: { file, kind: 'manifest' }, scope: { kind: 'group', group: 'weights' }, raw: `${key}: ${hit.sentence}`, addedTerms: { beside: [] } });
    return;
  }
}

function judgeField(file: string, key: string, value: unknown, isLicense: boolean, rules: RuleSet, out: Found): void {
  const source = { file, kind: 'manifest' as const };
  const scope = { kind: 'group' as const, group: 'weights' as const };
  if (value === null || value === undefined || value === '') return;
  if (typeof value !== 'string') {
    out.problems.push({ code: 'metadata-license-invalid', file, verdict: 'unknown', args: { key, reason: `a ${Array.isArray(value) ? 'list' : typeof value}, not a string` } });
    return;
  }
  if (value.length > MAX_VALUE || value.includes('\ufffd') || /[\u0000-\u0008\u000e-\u001f]/.test(value)) {
    out.problems.push({ code: 'metadata-license-invalid', file, verdict: 'unknown', args: { key, reason: value.length > MAX_VALUE ? 'a string too long to read' : 'bytes that are not text' } });
    return;
  }
  const resolved = isLicense && value.length <= MAX_NAME ? resolveLicenseName(value, rules) : undefined;
  if (resolved) { out.findings.push({ ...resolved, source, scope, raw: `${key}: ${value}` }); return; }
  const hit = textTerms(value, rules.cardTerms);
  // A license name osai cannot resolve, or terms text it reads no restriction in: unknown either way, never skipped.
  out.findings.push({
    expression: UNKNOWN, confidence: 0, source, scope, raw: `${key}: ${(hit?.sentence ?? value).slice(0, 200)}`,
    ...(hit || !isLicense ? { addedTerms: { beside: [] } } : {}),
  });
}

/**
 * Every string of a weights header, whatever its key (`general.description`, `modelspec.usage_hint`, `ss_*`), read
 * for terms; and each license key whose value cannot be read (a number, an array, an oversized string).
 */
export function identifyHeaderTerms(headers: WeightsHeader[], rules: RuleSet): Found {
  const out: Found = { findings: [], problems: [] };
  for (const header of headers) {
    const source = { file: header.file, kind: 'weights-header' as const };
    const scope = { kind: 'group' as const, group: 'weights' as const };
    for (const bad of header.invalid ?? []) out.problems.push({ code: 'metadata-license-invalid', file: header.file, verdict: 'unknown', args: { key: bad.key, reason: bad.reason } });
    const licenseKeys = new Set(header.license.map((l) => l.key));
    for (const { key, value } of header.strings ?? []) {
      if (licenseKeys.has(key)) {
        if (value.includes('\ufffd')) out.problems.push({ code: 'metadata-license-invalid', file: header.file, verdict: 'unknown', args: { key, reason: 'bytes that are not text' } });
        continue; // identifyHeaderLicenses reads license keys
      }
      const hit = textTerms(value, rules.cardTerms);
      if (hit) out.findings.push({ expression: UNKNOWN, confidence: 0, source, scope, raw: `${key}: ${hit.sentence}`, addedTerms: { beside: [] } });
    }
  }
  return out;
}
