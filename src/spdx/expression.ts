// SPDX ids and expressions: canonical spelling of ids, and parsing expressions into a small tree.
import { createRequire } from 'node:module';
import parse, { type SpdxNode } from 'spdx-expression-parse';

const require = createRequire(import.meta.url);
const ids: string[] = require('spdx-license-ids/index.json');
const deprecated: string[] = require('spdx-license-ids/deprecated.json');

/** The token for a license osai could not identify. It is never in any category. */
export const UNKNOWN = 'unknown';

export type ExprNode =
  | { license: string; plus?: boolean; exception?: string }
  | { op: 'and' | 'or'; left: ExprNode; right: ExprNode };

let canonical: Map<string, string> | undefined;

/** The SPDX list's spelling of an id, matched without regard to case; undefined when it is not on the list. */
export function canonicalSpdxId(id: string): string | undefined {
  canonical ??= new Map([...ids, ...deprecated].map((i) => [i.toLowerCase(), i]));
  return canonical.get(id.toLowerCase());
}

const MAX_EXPRESSION_CHARS = 4000;
const MAX_EXPRESSION_OPERATORS = 100;

/** Parses an SPDX expression; `unknown` is accepted as a leaf. Returns undefined for text that is not an expression. */
export function parseExpression(source: string): ExprNode | undefined {
  const text = source.trim();
  if (text === '') return undefined;
  if (text === UNKNOWN) return { license: UNKNOWN };
  // Real expressions have a handful of ids; a hostile one with thousands nests deep enough to overflow every
  // recursive walk of the tree. Too complex to be a license statement: not an expression (so unidentified).
  if (text.length > MAX_EXPRESSION_CHARS || (text.match(/\s(AND|OR|WITH)\s|\(/gi)?.length ?? 0) > MAX_EXPRESSION_OPERATORS) return undefined;
  try {
    return convert(parse(text.replace(/\bunknown\b/g, 'LicenseRef-osai-unknown')));
  } catch {
    return undefined;
  }
}

function convert(node: SpdxNode): ExprNode {
  if ('conjunction' in node) return { op: node.conjunction, left: convert(node.left), right: convert(node.right) };
  const license = node.license === 'LicenseRef-osai-unknown' ? UNKNOWN : node.license;
  return { license, ...(node.plus ? { plus: true } : {}), ...(node.exception ? { exception: node.exception } : {}) };
}

/** Every license id in an expression, in order, without repeats. */
export function expressionLeaves(node: ExprNode): string[] {
  const out: string[] = [];
  const walk = (n: ExprNode): void => {
    if ('op' in n) { walk(n.left); walk(n.right); } else if (!out.includes(n.license)) out.push(n.license);
  };
  walk(node);
  return out;
}

/** All of the expressions at once: the conjunction, with each part bracketed when it is compound. */
export function conjoin(expressions: string[]): string {
  const unique = [...new Set(expressions)];
  if (unique.length === 0) return UNKNOWN;
  if (unique.length === 1) return unique[0]!;
  return unique.map((e) => (/\s(AND|OR)\s/i.test(e) ? `(${e})` : e)).join(' AND ');
}
