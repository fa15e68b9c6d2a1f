// Notices: one-line statements that a file or model is under a named license (rules/notices.yaml, compiled by the
// build into dist/license-notices.json). They identify the license with source kind `notice`, never as its text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';

export interface Notice { id: string; says: string }

export const NOTICES_FILE = join(PACKAGE_ROOT, 'dist', 'license-notices.json');

let compiled: { id: string; says: RegExp }[] | undefined;

function load(): { id: string; says: RegExp }[] {
  if (!compiled) {
    let list: Notice[] = [];
    try { list = JSON.parse(readFileSync(NOTICES_FILE, 'utf8')) as Notice[]; } catch { list = []; }
    compiled = list.map((n) => ({ id: n.id, says: new RegExp(n.says) }));
  }
  return compiled;
}

/** The licenses a text's notices name (distinct, in rule order), from its normalised words padded with spaces. */
export function noticesIn(normalized: string): string[] {
  const ids: string[] = [];
  for (const n of load()) if (n.says.test(normalized) && !ids.includes(n.id)) ids.push(n.id);
  return ids;
}
