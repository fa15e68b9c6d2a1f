// Reads the facts the EU AI Act profile needs from the card (headings, metadata keys, gate fields) and the declaration.
import type { CardDocument, EuAiActFacts } from '../model.js';

export type EuDeclaration = NonNullable<EuAiActFacts['declaration']>;

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
/** Headings beyond this many are not read (a hostile card with thousands of lines of `#`). */
const MAX_HEADINGS = 500;

/** The card's headings, metadata keys and gate fields, plus the `eu_ai_act:` declaration, as plain data. */
export function identifyEuFacts(card: CardDocument | undefined, declaration?: EuDeclaration): EuAiActFacts {
  const facts: EuAiActFacts = { headings: [], keys: [], gateFields: [], ...(declaration ? { declaration } : {}) };
  if (!card) return facts;
  let fenced = false;
  const lines = card.body.split('\n');
  for (let i = 0; i < lines.length && facts.headings.length < MAX_HEADINGS; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) { fenced = !fenced; continue; }
    const m = fenced ? null : HEADING.exec(line);
    if (m) facts.headings.push({ text: m[1]!, line: card.bodyLine + i });
  }
  for (const [key, value] of Object.entries(card.metadata)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      facts.keys.push({ key, value: String(value), ...(card.lines[key] ? { line: card.lines[key] } : {}) });
    }
  }
  // extra_gated_fields: a mapping of field label → type (the Hub's form), or a list of names.
  const fields = card.metadata['extra_gated_fields'];
  const line = card.lines['extra_gated_fields'];
  const names = Array.isArray(fields) ? fields.map(String) : fields && typeof fields === 'object' ? Object.keys(fields) : [];
  facts.gateFields = names.slice(0, MAX_HEADINGS).map((name) => ({ name, ...(line ? { line } : {}) }));
  return facts;
}
