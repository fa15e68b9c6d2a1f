// npm run bench (or node bench/hostile.mjs): wall time of every text-scanning function on adversarial 1 MB inputs.
// A super-linear regex shows up here as seconds instead of milliseconds; tests only assert that the work completes.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (p) => import(`${root}dist/${p}`);
const { readFrontMatter } = await load('read/front-matter.js');
const { decodeText } = await load('read/decode-text.js');
const { splitSections } = await load('identify/card/markdown-sections.js');
// The card's Markdown parser is loaded once before any card is read (as run.ts does).
await (await load('identify/card/markdown.js')).loadMarkdownParser();
const { normalizeText } = await load('identify/normalize.js');
const { findCardComponents } = await load('identify/components/components.js');
const { identifyLicenseText } = await load('identify/license-text/license-text.js');
const { classifyPath } = await load('discover/classify.js');
const { loadRuleSet } = await load('ruleset/rule-set.js');

const MB = 1024 * 1024;
const rules = await loadRuleSet();
const fill = (unit, bytes = MB) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const card = (body) => ({ file: 'README.md', metadata: Object.create(null), lines: {}, body, bodyLine: 1 });

export const INPUTS = {
  'spaces then x': fill(' ') + 'x',
  'heading + spaces + x': `# ${fill(' ')}x`,
  'heading + "# " repeated': `# ${fill('# ')}x`,
  'heading + " #" repeated + x': `# a${fill(' #')}x`,
  'open front matter, never closed': `---\n${fill('a: b\n')}`,
  'front matter + "---  x" lines': `---\n${fill('--- \tx\n')}`,
  'front matter + newlines': `---${fill('\n')}x`,
  'whitespace before ---': `${fill(' \n')}x`,
  'SPDX tag + spaces + x': `SPDX-License-Identifier: a${fill(' ')}x`,
  'SPDX tag + spaces + newline': `SPDX-License-Identifier: a${fill(' ')}\nb`,
  'repeated SPDX tags': fill('SPDX-License-Identifier: '),
  'many "<!--" (no close)': fill('<!--'),
  'many "<" (no close)': fill('<'),
  'many "](" (no close)': fill(']('),
  'arxiv prefixes': fill('https://arxiv.org/abs/'),
  'doi prefixes': fill('https://doi.org/'),
  'arxiv: digits': fill('arxiv: 1234.'),
  'non commercial folding': fill('non - '),
  'fence markers': fill('```\n'),
  'one 1 MB word': fill('a'),
  'NUL and controls': fill('\u0000\u0001'),
};

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const STAGES = {
  'readFrontMatter': (t) => readFrontMatter(t),
  'splitSections': (t) => splitSections(t, 1),
  'normalizeText': (t) => normalizeText(t),
  'findCardComponents': (t) => findCardComponents(card(t), new Map()),
  'identifyLicenseText': (t) => identifyLicenseText('LICENSE', t, { kind: 'repo' }, rules),
  'decodeText': (t) => decodeText(new TextEncoder().encode(t)),
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv[2];
  console.log(`adversarial inputs of ${MB} bytes: ms per function (node ${process.version})`);
  let worst = 0;
  for (const [name, text] of Object.entries(INPUTS)) {
    if (only && !name.includes(only)) continue;
    const cells = Object.entries(STAGES).map(([stage, fn]) => {
      const ms = time(() => fn(text));
      worst = Math.max(worst, ms);
      return `${stage} ${ms.toFixed(0)}`;
    });
    console.log(`  ${name.padEnd(34)} ${cells.join('  ')}`);
  }
  const longName = `${'a'.repeat(250)}/`.repeat(16) + 'LICENSE.' + 'x'.repeat(200);
  console.log(`  classifyPath on a ${longName.length}-char path: ${time(() => classifyPath(longName)).toFixed(1)} ms`);
  console.log(`worst: ${worst.toFixed(0)} ms`);
  endToEnd();
}

/** `osai check` wall time on hostile repositories built in a temp folder (median of BENCH_RUNS, default 5). */
function endToEnd() {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const base = mkdtempSync(join(tmpdir(), 'osai-bench-'));
  const repo = (name, build) => {
    const dir = join(base, name);
    cpSync(join(root, 'fixtures/apache-weights-full-release'), dir, { recursive: true });
    build(dir);
    return dir;
  };
  const sparse = (path, prefix, size) => { const fd = openSync(path, 'w'); writeSync(fd, prefix); closeSync(fd); truncateSync(path, size); };
  const cases = [
    ['passing fixture (baseline)', repo('baseline', () => {})],
    ['6 GiB sparse model.safetensors + 6 GiB sparse model.gguf', repo('sparse', (d) => {
      sparse(join(d, 'model.safetensors'), Buffer.from([2, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x7d]), 6 * 1024 ** 3);
      sparse(join(d, 'model.gguf'), Buffer.from('GGUF\u0003\u0000\u0000\u0000'), 6 * 1024 ** 3);
    })],
    ['4 GiB sparse LICENSE (zeros)', repo('big-license', (d) => sparse(join(d, 'LICENSE'), Buffer.alloc(0), 4 * 1024 ** 3))],
    ['1 MiB README of "# " + spaces + "x" lines', repo('big-card', (d) => writeFileSync(join(d, 'README.md'), `---\nlicense: apache-2.0\n---\n${`# ${' '.repeat(1000)}x\n`.repeat(1000)}`))],
    ['20,010 empty files (file cap reached)', repo('many-files', (d) => {
      mkdirSync(join(d, 'bulk'));
      for (let i = 0; i < 20_010; i++) writeFileSync(join(d, 'bulk', `${i}.dat`), '');
    })],
  ];
  console.log(`\nosai check on hostile repositories, median of ${runs} runs`);
  for (const [name, dir] of cases) {
    const times = [];
    let code;
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      code = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', dir, '--format', 'json'], { stdio: 'ignore' }).status;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${times[Math.floor(runs / 2)].toFixed(0).padStart(6)} ms  exit ${code}  ${name}`);
  }
  rmSync(base, { recursive: true, force: true });
}
