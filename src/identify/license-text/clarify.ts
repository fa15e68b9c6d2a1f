// Applies `clarify:` entries: a file whose sha256 still matches takes the clarified license; a changed file voids it loudly.
import type { Clarification, FileHash, LicenseFinding, Problem } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { resolveLicenseName } from '../license-name.js';
import { UNKNOWN } from '../../spdx/expression.js';

/**
 * Replaces the findings of each clarified file whose hash matches with one declaration finding (confidence 1), in the
 * scope the file had. A mismatch or a missing file leaves the file's own findings and records a stale clarification.
 */
export function applyClarifications(
  licenses: LicenseFinding[], clarifications: Clarification[], hashes: FileHash[], rules: RuleSet, scopeOf: (path: string) => LicenseFinding['scope'],
): { licenses: LicenseFinding[]; problems: Problem[] } {
  let out = licenses;
  const problems: Problem[] = [];
  for (const c of clarifications) {
    const hash = hashes.find((h) => h.file === c.path);
    const actual = hash?.sha256 ?? `none: ${hash?.problem ?? 'the file was not hashed'}`;
    if (actual !== c.sha256.toLowerCase()) {
      problems.push({ code: 'clarify-stale', file: c.file, line: c.line, args: { path: c.path, expected: c.sha256.toLowerCase(), actual } });
      continue;
    }
    const resolved = resolveLicenseName(c.license, rules);
    const scope = out.find((l) => l.source.file === c.path)?.scope ?? scopeOf(c.path);
    // A clarification is for a text osai could not identify; one that replaces a license osai did identify (a Llama
    // text pinned as MIT) may be right, but a reviewer must see it.
    const replaced = [...new Set(out.filter((l) => l.source.file === c.path && l.expression !== UNKNOWN && l.expression !== resolved?.expression).map((l) => l.expression))];
    if (replaced.length > 0) {
      problems.push({ code: 'clarify-overrides', file: c.file, line: c.line, args: { path: c.path, identified: replaced.join(', '), license: c.license, reason: c.reason } });
    }
    out = out.filter((l) => l.source.file !== c.path);
    out.push({
      ...(resolved ? { expression: resolved.expression, confidence: 1 } : { expression: UNKNOWN, confidence: 0 }),
      source: { file: c.path, kind: 'declaration' }, scope, raw: `${c.license}, clarified in ${c.file}:${c.line} (${c.reason})`,
    });
  }
  return { licenses: out, problems };
}
