// Reads how downloads are gated from the card's metadata: manual approval, click-through terms, EU refusal.
import type { Evidence } from '../model.js';

/** Words in a gate's prompt or field names that make it an agreement rather than a contact form. */
const AGREEMENT = /\b(licen[cs]e|agreement|terms|conditions|acceptable use|use policy|agree|accept)/i;

export function readAccess(metadata: Record<string, unknown>, lines: Record<string, number>): Evidence['access'] {
  const gated = metadata['gated'];
  const mode = gated === 'manual' ? 'manual' : gated === true || gated === 'auto' || gated === 'true' ? 'auto' : false;
  const prompt = metadata['extra_gated_prompt'];
  const fields = metadata['extra_gated_fields'];
  const extraTerms = typeof prompt === 'string' || fields !== undefined;
  const fieldEntries = fields && typeof fields === 'object' && !Array.isArray(fields) ? Object.entries(fields) : [];
  // A checkbox is something to accept; a field named after terms is an agreement whatever its type.
  const clickThrough = (typeof prompt === 'string' && AGREEMENT.test(prompt))
    || fieldEntries.some(([name, type]) => type === 'checkbox' || AGREEMENT.test(name));
  const eu = metadata['extra_gated_eu_disallowed'];
  const euDisallowed = eu === true || eu === 'true';
  const line = lines['gated'] ?? lines['extra_gated_prompt'] ?? lines['extra_gated_fields'] ?? lines['extra_gated_eu_disallowed'];
  return { gated: mode, ...(line ? { line } : {}), extraTerms, clickThrough, euDisallowed };
}
