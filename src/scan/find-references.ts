// Pure: finds the model references in one source file's text, and says what each names (a Hub repository, a local
// folder or weights file, or nothing osai can check).
import { parseHubSpec } from '../read/hub-target.js';
import { readCallArguments, stringLiteral } from './call-arguments.js';
import { notebookCode } from '../read/notebook.js';
import type { CompiledReferenceRule, ReferenceRules } from './reference-rules.js';

/** A use found in a file: the literal word it names, or the expression that computes it at run time. */
export interface FoundReference { rule: CompiledReferenceRule; line: number; value?: string; computed?: string; revision?: string }

/** References read from one file at most: past this a file is generated or hostile, not an application's code. */
export const MAX_REFERENCES_PER_FILE = 1000;

/** Every reference the rules find in `text` (a file called `name`), in the order of the file. */
export function findReferences(name: string, text: string, rules: ReferenceRules): FoundReference[] {
  if (/\.ipynb$/i.test(name)) {
    const notebook = notebookCode(text);
    if (!notebook) return [];
    return findIn(name, notebook.code, rules).map((f) => ({ ...f, line: notebook.fileLine(f.line) }));
  }
  return findIn(name, text, rules);
}

function findIn(name: string, text: string, rules: ReferenceRules): FoundReference[] {
  const found: FoundReference[] = [];
  const lineAt = lineIndex(text);
  let inPython: ((offset: number) => boolean) | undefined;
  for (const rule of rules.references) {
    if (!rule.matchesFile(name)) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const at = match.index;
      // A use in a comment or inside a string (a docstring, a message) is not a use.
      if (rule.read === 'call' && (inPython ??= pythonNonCode(text))(at)) continue;
      if (rule.read === 'word' && /^[ \t]*#/.test(text.slice(text.lastIndexOf('\n', at) + 1, at + 1))) continue;
      if (rule.read === 'word') {
        const word = match.groups?.['value'] ?? '';
        const value = rule.strip ? word.replace(rule.strip, '') : word;
        found.push(/[$`{]/.test(value) ? { rule, line: lineAt(at), computed: word } : { rule, line: lineAt(at), value });
        if (found.length >= MAX_REFERENCES_PER_FILE) break;
        continue;
      }
      const args = readCallArguments(text, at + match[0].length);
      if (!args) continue;
      const arg = (rule.keyword ? args.find((a) => a.keyword === rule.keyword) : undefined)
        ?? (rule.position !== undefined ? args.filter((a) => !a.keyword)[rule.position] : undefined);
      // A call without the argument (pipeline("sentiment-analysis")) names no model of its own here.
      if (!arg || arg.text === '' || arg.text.startsWith('*')) continue;
      const value = stringLiteral(arg.text);
      const revisionArg = args.find((a) => a.keyword === 'revision');
      const revision = revisionArg ? stringLiteral(revisionArg.text) : undefined;
      found.push(value !== undefined ? { rule, line: lineAt(at), value, ...(revision ? { revision } : {}) } : { rule, line: lineAt(at), computed: arg.text.slice(0, 200) });
      if (found.length >= MAX_REFERENCES_PER_FILE) break;
    }
    if (found.length >= MAX_REFERENCES_PER_FILE) break;
  }
  return found.sort((a, b) => a.line - b.line);
}

/** What a model word names, before any file system is asked. */
export type ReferenceMeaning =
  | { kind: 'hub'; repo: string }
  | { kind: 'path'; path: string }
  | { kind: 'unresolved'; id: string; reason: string; hint: string };

const HUB_URL = /^(?:https?:\/\/)?(?:huggingface\.co|hf\.co)\//i;

/** Reads a literal model word by the rule's namespace. */
export function meaningOf(value: string, rule: CompiledReferenceRule): ReferenceMeaning {
  const word = value.trim();
  if (/^(\.{1,2}[\\/]|[\\/]|~)/.test(word) || /\.(gguf|safetensors|bin)$/i.test(word)) return { kind: 'path', path: word };
  if (HUB_URL.test(word)) return hubRepo(word.replace(HUB_URL, '').replace(/:[\w.-]+$/, ''), word);
  if (rule.namespace === 'ollama') {
    return {
      kind: 'unresolved', id: `ollama:${word}`,
      reason: `"${word}" is a model in Ollama's library, which osai cannot read`,
      hint: 'check the repository the model was converted from (e.g. osai scan hf:ORG/NAME), or use FROM hf.co/ORG/NAME in the Modelfile',
    };
  }
  if (!word.includes('/') && rule.bare) return hubRepo(`${rule.bare}/${word}`, word);
  return hubRepo(word, word);
}

function hubRepo(repo: string, word: string): ReferenceMeaning {
  const parsed = parseHubSpec(`hf:${repo}`);
  if (!('error' in parsed)) return { kind: 'hub', repo: parsed.repo };
  if (!repo.includes('/')) {
    return {
      kind: 'unresolved', id: `unresolved:${word}`,
      reason: `"${word}" is a one-part name: the Hub has moved its legacy models under owners, and a local folder of that name is not here`,
      hint: 'write the repository as ORG/NAME (e.g. openai-community/gpt2), then scan again',
    };
  }
  return { kind: 'path', path: word };
}

/** Whether an offset of Python source is inside a comment or a string literal: one pass over the text. */
function pythonNonCode(text: string): (offset: number) => boolean {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '#') {
      const eol = text.indexOf('\n', i);
      spans.push([i, eol < 0 ? text.length : eol]);
      i = eol < 0 ? text.length : eol;
    } else if (ch === '"' || ch === "'") {
      const quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j) && (quote.length === 3 || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      spans.push([i, j + quote.length]);
      i = j + quote.length - 1;
    }
  }
  return (offset) => {
    let lo = 0; let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end] = spans[mid]!;
      if (offset < start) hi = mid - 1; else if (offset >= end) lo = mid + 1; else return true;
    }
    return false;
  };
}

/** 1-based line of a character offset, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0; let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}
