// A document a sentence names in Title Case ("the Acme Model Rider", "Weights license: Acme Model License"): one osai
// knows (a license it resolves, a family of open licenses, a generic or platform name), or terms it cannot rate.
import type { RuleSet } from '../../ruleset/rule-set.js';
import { resolveLicenseName } from '../license-name.js';

interface Compiled { pattern: RegExp; generic: Set<string>; families: Set<string> }
const compiled = new WeakMap<RuleSet, Compiled>();

/** A version written after a license's name: "Apache License, Version 2.0", "License v2", "Apache License 2.0". */
export const VERSION_AFTER = /^,?\s*(?:(?:version|v\.?)\s*)?(\d+(?:\.\d+)*)\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(rules: RuleSet): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    const r = rules.cardTerms['named-documents'];
    // Each noun as written (Title Case) or in capitals; the name is up to six capitalised words or numbers before it.
    const nouns = [...r.nouns].sort((a, b) => b.length - a.length).flatMap((n) => [escape(n), escape(n.toUpperCase())]);
    c = {
      pattern: new RegExp(`((?:\\b[\\p{Lu}\\p{N}][\\p{L}\\p{N}.+'’-]*\\s+){1,6})(${nouns.join('|')})\\b`, 'gu'),
      generic: new Set(r.generic), families: new Set(r.families),
    };
    compiled.set(rules, c);
  }
  return c;
}

/** Whether a text may name a document at all: one of the nouns in it (the pattern is not compiled for any other). */
const mayName = (text: string, rules: RuleSet) => rules.cardTerms['named-documents'].nouns.some((n) => text.includes(n) || text.includes(n.toUpperCase()));

/**
 * The documents a sentence names: the first one osai does not know (`unknown`, "Acme Model Rider"), and the licenses
 * it resolves (`known`, "Gemma Terms of Use"); a family or a generic name is neither. `rest` is the sentence without
 * the names ("NVIDIA Open Model License" does not make a sentence about a model), `head` what stands before the first.
 */
export function namedDocuments(sentence: string, rules: RuleSet): { unknown?: string; known: { expression: string; confidence: number }[]; rest: string; head: string } {
  const known: { expression: string; confidence: number }[] = [];
  if (!mayName(sentence, rules)) return { known, rest: sentence, head: sentence };
  const c = compile(rules);
  const rest = sentence.replace(c.pattern, ' ');
  const first = sentence.search(c.pattern);
  const head = first < 0 ? sentence : sentence.slice(0, first);
  for (const m of sentence.matchAll(c.pattern)) {
    const words = m[1]!.trim().split(/\s+/);
    while (words.length && c.generic.has(words[0]!.toLowerCase())) words.shift();
    if (words.length === 0 || words.every((w) => c.generic.has(w.toLowerCase()))) continue;
    const name = words.join(' ');
    const noun = m[2]!;
    const version = VERSION_AFTER.exec(sentence.slice(m.index + m[0].length));
    const tries = [...(version ? [`${name} ${noun} ${version[1]}`, `${name} ${version[1]}`] : []), `${name} ${noun}`, name, `${name} license`];
    // A badge's alt text after the license its link names ("CC-BY-SA-4.0 Creative Commons License"): that id.
    const resolved = tries.map((t) => resolveLicenseName(t, rules)).find(Boolean)
      ?? words.map((w) => resolveLicenseName(w, rules)).find((r) => r?.confidence === 1);
    if (resolved) { known.push(resolved); continue; }
    if (isFamily(name, rules)) continue;
    return { unknown: `${name} ${noun}`, known, rest, head };
  }
  return { known, rest, head };
}

/** A family of open licenses named without a version ("the Apache License", "the GNU General Public License"). */
export function isFamily(name: string, rules: RuleSet): boolean {
  return compile(rules).families.has(name.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim());
}
