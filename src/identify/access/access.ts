// Reads how downloads are gated from the card's metadata, and reads every word the gate shows as terms.
import type { AccessTerms } from '../../model.js';
import type { CardTermsRules } from '../../ruleset/schema.js';
import { sentencesOf, sentenceTerms, termsWords } from '../card/terms-sentences.js';

/** Words in a gate's prompt or field names that make it an agreement rather than a contact form. */
const AGREEMENT = /\b(licen[cs]e|agreement|terms|conditions|acceptable use|use policy|agree|accept)/i;

/** The gate texts: every `extra_gated_*` string, each field label, each select option, with the key it came from. */
function gateTexts(metadata: Record<string, unknown>): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const walk = (key: string, value: unknown, depth: number) => {
    if (depth > 6) return;
    if (typeof value === 'string') out.push({ key, text: value });
    else if (Array.isArray(value)) value.forEach((v) => walk(key, v, depth + 1));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) { out.push({ key, text: k }); walk(key, v, depth + 1); }
    }
  };
  for (const [k, v] of Object.entries(metadata)) if (k.startsWith('extra_gated_') && k !== 'extra_gated_eu_disallowed') walk(k, v, 0);
  return out;
}

interface Field { label: string; type: string; options: string[] }

/** `extra_gated_fields` as label → type, where the type may be a word or `{type: select, options: [...]}`. */
function gateFields(fields: unknown): Field[] {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return [];
  return Object.entries(fields).map(([label, spec]) => {
    if (typeof spec === 'string') return { label, type: spec, options: [] };
    const record = spec && typeof spec === 'object' && !Array.isArray(spec) ? spec as Record<string, unknown> : {};
    const options = Array.isArray(record['options']) ? record['options'].map((o) => (o && typeof o === 'object' ? String((o as Record<string, unknown>)['label'] ?? (o as Record<string, unknown>)['value'] ?? '') : String(o))) : [];
    return { label, type: typeof record['type'] === 'string' ? record['type'] : 'unknown', options };
  });
}

export function readAccess(metadata: Record<string, unknown>, lines: Record<string, number>, vocabulary?: CardTermsRules): AccessTerms {
  const mode = gateMode(metadata['gated']);
  const fields = metadata['extra_gated_fields'];
  // Every extra_gated_* key (prompt, heading, description, button_content, fields) is shown at the gate.
  const texts = Object.entries(metadata).filter(([k, v]) => k.startsWith('extra_gated_') && k !== 'extra_gated_fields' && typeof v === 'string').map(([, v]) => v as string);
  const extraTerms = texts.length > 0 || fields !== undefined;
  const entries = gateFields(fields);
  // A checkbox is something to accept; a field named after terms is an agreement whatever its type.
  const clickThrough = texts.some((t) => AGREEMENT.test(t)) || entries.some((f) => f.type === 'checkbox' || AGREEMENT.test(f.label));
  const eu = metadata['extra_gated_eu_disallowed'];
  const euDisallowed = eu === true || eu === 'true';
  const line = lines['gated'] ?? lines['extra_gated_prompt'] ?? lines['extra_gated_fields'] ?? lines['extra_gated_eu_disallowed'];
  const base: AccessTerms = { gated: mode, ...(line ? { line } : {}), extraTerms, clickThrough, euDisallowed };
  if (!vocabulary) return base;

  // Every word of the gate is terms: a restriction the user must agree to binds as one.
  const restrictions: NonNullable<AccessTerms['restrictions']> = [];
  for (const { key, text } of gateTexts(metadata)) {
    for (const { sentence } of sentencesOf(text)) {
      const hit = sentenceTerms(sentence, vocabulary);
      if (hit && !restrictions.some((r) => r.text === hit.sentence)) restrictions.push({ type: hit.type, text: hit.sentence, key, ...(lines[key] ? { line: lines[key] } : {}) });
    }
  }
  const label = (s: string) => termsWords(s).join(' ');
  const contact = new Set(vocabulary['contact-fields'].map(label));
  const purposeWords = vocabulary['purpose-fields'].map(label);
  const isPurpose = (f: Field) => purposeWords.some((p) => label(f.label).includes(p));
  // A purpose picked from a list (or typed) says what the user will do; osai cannot tell what that limits.
  const purpose = entries.filter(isPurpose).map((f) => f.label);
  const other = entries.filter((f) => !isPurpose(f) && !contact.has(label(f.label)) && f.type !== 'checkbox' && !AGREEMENT.test(f.label)).map((f) => f.label);
  const contactOnly = entries.length > 0 && entries.every((f) => contact.has(label(f.label))) && restrictions.length === 0 && !clickThrough;
  return {
    ...base, restrictions, ...(purpose.length > 0 ? { purposeFields: purpose } : {}), ...(other.length > 0 ? { unreadFields: other } : {}),
    ...(contactOnly ? { contactFields: entries.map((f) => f.label) } : {}),
  };
}

/** Hugging Face's `gated:` values (any case; YAML 1.1 booleans as strings); anything else is a gate osai cannot tell. */
function gateMode(value: unknown): AccessTerms['gated'] {
  if (value === undefined || value === null || value === false) return false;
  if (value === true) return 'auto';
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'manual') return 'manual';
  if (text === 'auto' || text === 'true' || text === 'yes' || text === 'on') return 'auto';
  if (text === 'false' || text === 'no' || text === 'off' || text === '') return false;
  return 'unknown';
}
