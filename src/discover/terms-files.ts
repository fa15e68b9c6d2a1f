// Tells from a file name whether the file carries terms (rules/terms-files.yaml): LICENSE, NOTICE, a use policy.
import type { TermsFilesRules } from '../ruleset/schema.js';

export type TermsFileKind = 'license' | 'notice' | 'use-policy';

interface Compiled { contains: RegExp; words: Set<string>; notice: Set<string>; except: RegExp[]; notExt: Set<string>; unreadable: Set<string> }

const compiled = new WeakMap<TermsFilesRules, Compiled>();

function compile(rules: TermsFilesRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    c = {
      contains: new RegExp(rules.contains.join('|'), 'i'),
      words: new Set(rules.words), notice: new Set(rules.notice),
      except: rules.except.map((e) => new RegExp(e, 'i')),
      notExt: new Set(rules['not-extensions']), unreadable: new Set(rules['unreadable-extensions']),
    };
    compiled.set(rules, c);
  }
  return c;
}

/** What follows a name's last dot, lower-cased, when it is letters and digits only (/\.([a-z0-9]+)$/i); otherwise ''. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot === name.length - 1) return '';
  for (let i = dot + 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return '';
  }
  return name.slice(dot + 1).toLowerCase();
}

/**
 * What a file name says about its terms, or undefined for a name that carries none. Separators (space, `_`, `-`, `.`)
 * and case changes (`TermsOfUse`) break words, so `Model Agreement.pdf`, `TERMS_OF_USE` and `acceptable-use.md` count.
 */
export function termsFileKind(name: string, rules: TermsFilesRules): TermsFileKind | undefined {
  const c = compile(rules);
  if (c.notExt.has(extensionOf(name)) || c.except.some((e) => e.test(name))) return undefined;
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (c.contains.test(name)) return 'license';
  if (!words.some((w) => c.words.has(w))) return undefined;
  return words.some((w) => c.words.has(w) && !c.notice.has(w)) ? 'use-policy' : 'notice';
}

/** A terms file in a format that is never text (PDF, DOCX, an image): osai cannot read what it says. */
export function isUnreadableTermsName(name: string, rules: TermsFilesRules): boolean {
  return compile(rules).unreadable.has(extensionOf(name));
}
