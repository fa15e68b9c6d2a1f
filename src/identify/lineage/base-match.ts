// Finds the rules row for a base model id: the most specific pattern wins, and a name without an organisation matches too.
import type { BaseModelRule } from '../../ruleset/schema.js';

/** `*` matches any run of characters; everything else literally, case-insensitive. */
export function matchesPattern(pattern: string, id: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 'i').test(id);
}

/** How much of an id a pattern pins down: its literal characters. `Qwen/Qwen2.5-3B*` beats `Qwen/Qwen2.5-*`. */
const specificity = (pattern: string) => pattern.replace(/\*/g, '').length;

/**
 * A name part that says which family it is: at least three literal characters before any `*`. The catch-alls
 * (`meta-llama/*`) name an organisation, not a family, so they never match a bare name.
 */
function familyPart(pattern: string): string | undefined {
  const name = pattern.slice(pattern.indexOf('/') + 1);
  return /^[^*]{3,}/.test(name) ? name : undefined;
}

/**
 * The row that rates `id`. Hub ids (`org/name`) are matched whole; a bare name (`Meta-Llama-3-8B`,
 * `llama-3.1-8b-instruct`, `gemma-2-9b`, as GGUF headers and configs write them) is matched against each
 * pattern's name part. Of all rows that match, the one with the most literal characters wins; a tie keeps file order.
 */
export function findBaseModel(id: string, rows: readonly BaseModelRule[]): BaseModelRule | undefined {
  const bare = !id.includes('/');
  let best: BaseModelRule | undefined;
  let bestScore = -1;
  for (const row of rows) {
    const pattern = bare ? familyPart(row.pattern) : row.pattern;
    if (!pattern || !matchesPattern(pattern, id)) continue;
    const score = specificity(pattern);
    if (score > bestScore) { best = row; bestScore = score; }
  }
  return best;
}
