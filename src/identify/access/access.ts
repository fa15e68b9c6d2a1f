// Reads how downloads are gated from the card's metadata: manual approval, click-through terms, EU refusal.
import type { Evidence } from '../../model.js';

/** Words in a gate's prompt or field names that make it an agreement rather than a contact form. */
const AGREEMENT = /\b(licen[cs]e|agreement|terms|conditions|acceptable use|use policy|agree|accept)/i;

export function readAccess(metadata: Record<string, unknown>, lines: Record<string, number>): Evidence['access'] {
  const mode = gateMode(metadata['gated']);
  const fields = metadata['extra_gated_fields'];
  // Every extra_gated_* key (prompt, heading, description, button_content, fields) is shown at the gate.
  const texts = Object.entries(metadata).filter(([k, v]) => k.startsWith('extra_gated_') && k !== 'extra_gated_fields' && typeof v === 'string').map(([, v]) => v as string);
  const extraTerms = texts.length > 0 || fields !== undefined;
  const fieldEntries = fields && typeof fields === 'object' && !Array.isArray(fields) ? Object.entries(fields) : [];
  // A checkbox is something to accept; a field named after terms is an agreement whatever its type.
  const clickThrough = texts.some((t) => AGREEMENT.test(t))
    || fieldEntries.some(([name, type]) => type === 'checkbox' || AGREEMENT.test(name));
  const eu = metadata['extra_gated_eu_disallowed'];
  const euDisallowed = eu === true || eu === 'true';
  const line = lines['gated'] ?? lines['extra_gated_prompt'] ?? lines['extra_gated_fields'] ?? lines['extra_gated_eu_disallowed'];
  return { gated: mode, ...(line ? { line } : {}), extraTerms, clickThrough, euDisallowed };
}

/** Hugging Face's `gated:` values (any case; YAML 1.1 booleans as strings); anything else is a gate osai cannot tell. */
function gateMode(value: unknown): Evidence['access']['gated'] {
  if (value === undefined || value === null || value === false) return false;
  if (value === true) return 'auto';
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'manual') return 'manual';
  if (text === 'auto' || text === 'true' || text === 'yes' || text === 'on') return 'auto';
  if (text === 'false' || text === 'no' || text === 'off' || text === '') return false;
  return 'unknown';
}
