// Reads a license the card states next to a link ("Training code: <url> (Apache-2.0)", "licensed under MIT").
import type { RuleSet } from '../../ruleset/rule-set.js';
import { resolveLicenseName } from '../license-name.js';

// Candidates: text in parentheses or brackets, and what follows "licensed under" / "license:".
const CANDIDATES = [/\(([^()]{2,60})\)/g, /\[([^\]]{2,60})\]/g, /licen[cs]ed under (?:the )?([^;,)\]]{2,60})/gi, /licen[cs]e:\s*([^;,)\]]{2,60})/gi];

/** The license a line of prose names, or undefined; tries each candidate phrase and its leading words. */
export function statedLicense(line: string, rules: RuleSet): string | undefined {
  const text = line.replace(/https?:\/\/\S+/g, ' ');
  for (const pattern of CANDIDATES) {
    for (const match of text.matchAll(pattern)) {
      const words = match[1]!.trim().replace(/\.(\s.*)?$/, '').replace(/\s+licen[cs]e$/i, '').split(/\s+/);
      for (let n = Math.min(words.length, 6); n >= 1; n--) {
        const name = words.slice(0, n).join(' ');
        const resolved = resolveLicenseName(name, rules) ?? resolveLicenseName(name.replace(/ /g, '-'), rules);
        if (resolved) return resolved.expression;
      }
    }
  }
  return undefined;
}
