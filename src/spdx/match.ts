// Whether one license (an expression leaf) matches a policy entry; the only importer of spdx-satisfies and spdx-exceptions.
import { createRequire } from 'node:module';
import { canonicalSpdxId, parseExpression, type ExprNode } from './expression.js';

const require = createRequire(import.meta.url);
let exceptions: Map<string, string> | undefined;

/** The SPDX exception list's spelling of an exception id, matched without regard to case. */
function canonicalExceptionId(id: string): string {
  exceptions ??= new Map((require('spdx-exceptions/index.json') as string[]).map((e) => [e.toLowerCase(), e]));
  return exceptions.get(id.toLowerCase()) ?? id;
}

type Satisfies = (expression: string, allowed: string[]) => boolean;
let satisfies: Satisfies | undefined;

/** A simple license term: an id with an optional `+` or `WITH` exception, never an AND/OR expression. */
export type LicenseTerm = Extract<ExprNode, { license: string }>;

/** Parses a policy entry that names one license term, in the SPDX list's spelling; undefined when it is not one. */
export function parseLicenseTerm(text: string): LicenseTerm | undefined {
  // Users write `mit` or `apache-2.0 with llvm-exception`; the SPDX parser wants the list's spelling.
  const parts = /^(\S+?)(\+?)(?:\s+with\s+(\S+))?$/i.exec(text.trim());
  if (!parts) return undefined;
  const [, id, plus, exception] = parts;
  const node = parseExpression(`${canonicalSpdxId(id!) ?? id}${plus}${exception ? ` WITH ${canonicalExceptionId(exception)}` : ''}`);
  if (!node || 'op' in node || node.license === 'unknown') return undefined;
  return { ...node, license: canonicalSpdxId(node.license) ?? node.license };
}

export function termText(term: LicenseTerm): string {
  return `${term.license}${term.plus ? '+' : ''}${term.exception ? ` WITH ${term.exception}` : ''}`;
}

/**
 * Whether `leaf` is covered by `entry` under SPDX matching (spdx-satisfies: `-or-later` and `+` ranges, exact
 * exceptions). A leaf with a `WITH` exception also matches an entry for its bare license, because an SPDX exception
 * only adds permissions: the base license still binds, so denying it denies the leaf, and allowing it allows the leaf.
 */
export function termMatches(leaf: LicenseTerm, entry: LicenseTerm): boolean {
  // spdx-satisfies is loaded only when a policy names a license, so a run without one does not pay for it.
  satisfies ??= require('spdx-satisfies') as Satisfies;
  const bare: LicenseTerm = { license: leaf.license, ...(leaf.plus ? { plus: true } : {}) };
  const candidates = leaf.exception ? [termText(leaf), termText(bare)] : [termText(leaf)];
  return candidates.some((c) => {
    try {
      return satisfies!(c, [termText(entry)]);
    } catch {
      // A term spdx-satisfies cannot compare (e.g. a LicenseRef with a range) matches only when spelled the same.
      return c === termText(entry);
    }
  });
}
