// Resolves a license name as cards, configs and headers write it (Hugging Face id, alias, SPDX id or expression, free text).
import { createRequire } from 'node:module';
import type { RuleSet } from '../ruleset/rule-set.js';
import { findAddedTerms } from './added-terms.js';
import { normalizeText } from './normalize.js';
import { canonicalSpdxId, expressionLeaves, parseExpression } from '../spdx/expression.js';

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
  const cc = creativeCommonsId(name);
  if (cc) return { expression: cc, confidence: 0.9 };
  const fixed = corrected(name, rules);
  if (fixed) return { expression: fixed, confidence: 0.8 };
  return undefined;
}

const CC_NAME = /^(?:the\s+)?creative\s+commons\s+attribution((?:[\s-]+(?:non-?commercial|share-?alike|no-?deriv(?:ative)?s?))*)[\s-]+(\d\.\d)(?:\s+(?:international|unported|generic))?(?:\s+(?:public\s+)?licen[cs]e)?$/i;

/**
 * A Creative Commons license written out ("Creative Commons Attribution-ShareAlike 3.0", "… Attribution-NonCommercial
 * 4.0 International License"): its SPDX id, every element kept (spdx-correct reads none of these).
 */
function creativeCommonsId(name: string): string | undefined {
  const m = CC_NAME.exec(name.trim());
  if (!m) return undefined;
  const elements = m[1]!.toLowerCase();
  const id = `CC-BY${/commercial/.test(elements) ? '-NC' : ''}${/deriv/.test(elements) ? '-ND' : ''}${/share/.test(elements) ? '-SA' : ''}-${m[2]}`;
  return canonicalSpdxId(id) === id && !(/deriv/.test(elements) && /share/.test(elements)) ? id : undefined;
}
