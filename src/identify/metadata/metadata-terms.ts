// Reads terms in metadata: license/terms/usage keys of model configs, every string of a weights header.
import type { LicenseFinding, Problem, TextDocument, WeightsHeader } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { resolveLicenseName } from '../license-name.js';
import { textTerms } from '../card/terms-sentences.js';

/**
 * A config field that carries terms (`license`, `license_name`, `terms_of_use`, `usage_policy`, `use_restrictions`),
 * on the snake-cased key. `policy` alone is a reinforcement-learning policy and `use_cache` a switch: neither counts.
 */
const TERMS_KEY = /(^|_)(licen[cs]es?|terms|tos|eula|agreement|(use|usage|acceptable_use)_(policy|restrictions?|terms|notes?)|usage|restrictions?)(_|$)/;
const LICENSE_KEY = /(^|_)licen[cs]es?(_|$)/;
/** A license value longer than this is a text, not a name: it is read for terms, never resolved. */
const MAX_NAME = 200;
const MAX_VALUE = 64 * 1024;
const snake = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_');

interface Found { findings: LicenseFinding[]; problems: Problem[] }

/** The license and terms fields of the config files (every `*config*.json`, model_index.json, params.json). */
export function identifyConfigTerms(docs: TextDocument[], rules: RuleSet): Found {
  const out: Found = { findings: [], problems: [] };
  for (const doc of docs) {
    let data: unknown;
    try { data = JSON.parse(doc.text); } catch { continue; } // an invalid config names no terms; lineage reports what it needs
    const walk = (value: unknown, path: string, depth: number) => {
      if (!value || typeof value !== 'object' || depth > 4) return;
      for (const [key, v] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        const k = snake(key);
        const isLicense = LICENSE_KEY.test(k);
        if (isLicense || (TERMS_KEY.test(k) && (typeof v !== 'object' || v === null))) judgeField(doc.file, at, v, isLicense, rules, out);
        else if (typeof v === 'object') walk(v, at, depth + 1);
      }
    };
    walk(data, '', 0);
  }
  return out;
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
