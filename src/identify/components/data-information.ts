// Judges OSAID data information on content: which of the required items a card or data card describes.
import type { DataInformation, SourceLocation } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { normalizeText } from '../normalize.js';

export interface DataText { source: SourceLocation; text: string }

/** Coverage over all the texts that describe the training data; each covered item names the first text that describes it. */
export function assessDataInformation(texts: DataText[], rules: RuleSet): DataInformation {
  const sources: Record<string, SourceLocation> = {};
  let source: SourceLocation | undefined;
  for (const { text, source: where } of texts) {
    // Template filler anywhere means the document was never written: it describes nothing.
    if (LOREM.test(text)) continue;
    const normalized = ` ${normalizeText(withoutPlaceholders(text))}`;
    for (const item of rules.dataInformation) {
      // Keywords match at the start of a word, so `deduplicat` finds deduplicated and deduplication.
      if (!sources[item.id] && item.anyOf.some((kw) => normalized.includes(` ${normalizeText(kw)}`))) {
        sources[item.id] = where;
        source ??= where;
      }
    }
  }
  const all = rules.dataInformation.map((i) => i.id);
  return {
    ...(source ? { source } : {}),
    ...(texts.length > 0 ? { read: texts.map((t) => t.source) } : {}),
    covered: all.filter((i) => sources[i]), missing: all.filter((i) => !sources[i]),
    ...(source ? { sources } : {}),
  };
}

/** A value that says nothing yet: the Hugging Face template's "[More Information Needed]", TBD, TODO, N/A, … */
const PLACEHOLDER = /^(more information needed|more info needed|needs? more information|tbd|tba|todo|to ?do|n ?a|none yet|coming soon|soon|to be (added|announced|determined|released|completed|written|documented|filled( in)?)|will be (added|released|documented|updated)( \w+)?|unknown|not yet (available|documented|released)|placeholder|xxx+|lorem ipsum.*)$/;
const HEADING = /^ {0,3}(#{1,6})\s/;
const LOREM = /\blorem ipsum\b/i;
/** A line that says the data is withheld: it covers no item, whatever keywords it uses ("Sources: proprietary, not disclosed"). */
const NEGATED = /\b(not (?:be )?(?:publicly )?(?:disclosed|released|shared|published|made public|available|documented)|undisclosed|proprietary|confidential|withheld|we (?:do|will|can) not (?:release|disclose|share|publish|provide)|we don'?t (?:release|disclose|share|publish|provide)|cannot (?:be )?(?:disclosed|released|shared)|internal[- ]only|not (?:open|public))\b/i;
/** A table-of-contents line: only links to headings in the page (`- [Data sources](#data-sources)`). It names sections, it describes nothing. */
const TOC_LINE = /^\s*(?:[-*+]|\d{1,3}[.)])?\s*(?:\[[^\]\n]{1,200}\]\(#[^)\s]{0,200}\)\s*[|,;·]?\s*)+$/;

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(normalizeText(value));
}

/**
 * The text without what only looks like data information: a table-of-contents line, a `Key: TBD` line, a placeholder line,
 * a line that says the data is withheld ("not disclosed", "proprietary", "we do not release"), and the heading of a
 * section whose body is only placeholders (or nothing, when no sub-section follows). A heading's keywords count only
 * when something under it describes the data.
 */
export function withoutPlaceholders(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const keep = lines.map((line) => {
    const value = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?[^:]{1,80}?(?:\*\*|__)?\s*:\s*(.*)$/.exec(line);
    return !(line.trim() !== '' && !HEADING.test(line) && (TOC_LINE.test(line) || NEGATED.test(line) || isPlaceholder(line) || (value && value[1]!.trim() !== '' && isPlaceholder(value[1]!))));
  });
  for (let i = 0; i < lines.length; i++) {
    const heading = HEADING.exec(lines[i]!);
    if (!heading) continue;
    let j = i + 1;
    const body: number[] = [];
    while (j < lines.length && !HEADING.test(lines[j]!)) { if (lines[j]!.trim() !== '') body.push(j); j++; }
    const next = j < lines.length ? HEADING.exec(lines[j]!) : null;
    const hasChildren = next !== null && next[1]!.length > heading[1]!.length;
    const empty = body.every((b) => !keep[b]);
    if (empty && (body.length > 0 || !hasChildren)) keep[i] = false;
  }
  return lines.filter((_, i) => keep[i]).join('\n');
}
