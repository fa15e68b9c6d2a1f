// Comments of source and config files read as prose: which words are a comment's, at which line, in each syntax.
import { describe, expect, test } from 'vitest';
import { commentLines, commentProse, commentSyntax } from '../src/read/comments.js';
import { notebookComments } from '../src/read/notebook.js';
import { mayStateTerms, sentenceTerms } from '../src/identify/card/terms-sentences.js';
import { loadRuleSetFromYaml } from '../src/ruleset/load.js';

const lines = (path: string, text: string) => commentLines(text, commentSyntax(path)!);

describe('commentLines', () => {
  test.each<[string, string, string[]]>([
    ['YAML: a full-line comment, a trailing one, `#` inside a value and a quote inside a plain scalar',
      "# Weights: research only.\nkey: don't # trailing\nurl: 'http://x#y' # after\nv: a#b\n", ['Weights: research only.', 'trailing', 'after', '', '']],
    ['Python: shebang, a module docstring over lines, a string holding #, a triple-quoted value (data), a one-line docstring',
      '#!/usr/bin/env python\n"""Module doc.\nFor research only.\n"""\nx = "a # b"  # real\nP = """not # prose\nstill"""\ndef f():\n    r\'\'\'Doc one line.\'\'\'\n',
      ['usr/bin/env python', 'Module doc.', 'For research only.', '', 'real', '', '', '', 'Doc one line.', '']],
    ['Python: an escaped quote does not end the string', 'x = "a \\" # b"  # c\n', ['c', '']],
    ['TypeScript: a block comment with leading stars, `//` in a string, a template over lines, an inline block',
      '/**\n * Header line.\n * Second.\n */\nconst u = "http://x"; // tail\nconst t = `a\n// inside template\n`;\n/* one */ x();\n',
      ['', 'Header line.', 'Second.', '', 'tail', '', '', '', 'one', '']],
    ['INI: `;` and `#` comments', '[a]\n; semi\n# hash\nk = v ; tail\n', ['', 'semi', 'hash', 'tail', '']],
    ['Dockerfile by name', 'FROM x\n# build\n', ['', 'build', '']],
    ['SQL: `--` and block comments, a quote holding --', "SELECT '--x'; -- tail\n/* a\nb */\n", ['tail', 'a', 'b', '']],
    ['XML: a comment over lines', '<a>\n<!-- one\ntwo -->\n</a>\n', ['', 'one', 'two', '', '']],
    ['requirements.txt by name', 'torch # pinned\n', ['pinned', '']],
  ])('%s', (_what, text, expected) => {
    const path = _what.startsWith('YAML') ? 'a.yaml' : _what.startsWith('Python') ? 'a.py' : _what.startsWith('TypeScript') ? 'a.ts'
      : _what.startsWith('INI') ? 'setup.cfg' : _what.startsWith('Dockerfile') ? 'Dockerfile' : _what.startsWith('SQL') ? 'q.sql'
      : _what.startsWith('XML') ? 'a.xml' : 'requirements.txt';
    expect(lines(path, text)).toEqual(expected);
  });

  test('a file of no known syntax (JSON, Markdown) has no comments; one without comment words is undefined', () => {
    expect(commentSyntax('config.json')).toBeUndefined();
    expect(commentSyntax('README.md')).toBeUndefined();
    expect(commentProse('a.py', 'x = 1\n')).toBeUndefined();
    expect(commentProse('a.py', 'x = 1\n# y\n')).toBe('\ny\n');
  });

  test("a notebook's code-cell comments sit at the notebook's own lines", () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['# Title'] }, { cell_type: 'code', source: ['import x\n', '# weights: research only\n'] }], nbformat: 4 }, null, 1);
    const out = notebookComments(nb)!;
    const at = nb.split('\n').findIndex((l) => l.includes('# weights'));
    expect(out[at]).toBe('weights: research only');
    expect(out.filter(Boolean)).toEqual(['weights: research only']);
    expect(notebookComments('not json')).toBeUndefined();
  });
});

describe('mayStateTerms', () => {
  const rules = loadRuleSetFromYaml('rules').cardTerms;
  // The quick test must never be narrower than the sentence reading: every phrase, gaps filled, in a sentence.
  const sentences = Object.values(rules.restrictions).flat().map((p) => `Note that ${p.replace(/~/g, 'the').replace(/\*/g, '')} here.`);
  test.each(sentences)('%s', (sentence) => {
    expect(sentenceTerms(sentence, rules)).toBeDefined();
    expect(mayStateTerms(sentence, rules)).toBe(true);
  });
  test('passes over words that state no terms, and keeps link text and table rows', () => {
    expect(mayStateTerms('Returns the attention weights of the last layer.', rules)).toBe(false);
    expect(mayStateTerms('Weights for [non-commercial](https://x.org/a) use.', rules)).toBe(true);
    expect(mayStateTerms('| Commercial use | No |', rules)).toBe(true);
  });
});

describe("a comment's code purposes", () => {
  const rules = loadRuleSetFromYaml('rules').cardTerms;
  test.each<[string, boolean]>([
    ['JSON_INTERNAL_CATCH is for INTERNAL USE ONLY.', false],
    ['Used for testing purposes only.', false],
    ['do training on front of dataset, do evaluation only on back of dataset', false],
    ['These weights are for internal use only.', true],
    ['This file is for internal use only.', true],
    ['The checkpoint may be used for evaluation only.', true],
    ['For research use only.', true],
  ])('%s → binds: %s', (sentence, binds) => {
    expect(sentenceTerms(sentence, rules, 'comment') !== undefined).toBe(binds);
  });
});

describe('what was done to the data (rules/card-terms.yaml handling)', () => {
  const rules = loadRuleSetFromYaml('rules').cardTerms;
  test.each<[string, boolean]>([
    ['We removed all documents under non-commercial licenses.', false],
    ['Research-only corpora were excluded from the mix.', false],
    ['Filter out Non-Commercial (NC) and Sampling+ licenses', false],
    ['Datasets with a noncommercial license are skipped.', false],
    ['Only keep permissively licensed data (drop CC BY-NC and research-only sets).', false],
    ['Do not remove this notice: non-commercial use only.', true],
    ['Safety filter: research use only.', true],
    ['Drop-in replacement for research use only.', true],
    ['This model is for non-commercial use only, with filtered outputs.', true],
    ['We removed non-commercial data, and the weights are for research use only.', true],
    ['non-commercial licenses', true],
  ])('%s → binds: %s', (sentence, binds) => {
    expect(sentenceTerms(sentence, rules) !== undefined).toBe(binds);
    expect(sentenceTerms(sentence, rules, 'comment') !== undefined).toBe(binds);
  });
});
