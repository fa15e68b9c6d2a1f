// Builds the Inventory: every listed file with its role, without reading any contents.
import type { FileEntry, Inventory, Problem } from '../model.js';
import { classifyPath } from './classify.js';
import type { TermsFilesRules } from '../ruleset/schema.js';

/** Classifies a listing (terms-file names from the rule set); case-variant duplicates (LICENSE and license) are reported, both kept. */
export function discoverFiles(entries: FileEntry[], problems: Problem[] = [], terms?: TermsFilesRules): Inventory {
  const files = entries.map((entry) => ({ ...entry, ...classifyPath(entry.path, terms) }));
  const seen = new Map<string, string>();
  const out = [...problems];
  for (const file of files) {
    const key = file.path.toLowerCase();
    const first = seen.get(key);
    if (first) out.push({ code: 'case-duplicate', file: file.path, args: { other: first } });
    else seen.set(key, file.path);
  }
  return { files, problems: out };
}
