// npm run bench -- <folder>: osai's license identification against licensee's own test suite (issue 17).
// The folder holds licensee's spec/fixtures/ and vendor/choosealicense.com/_licenses/ at the commit in
// bench/licensee-manifest.json (rebuild it with scripts/fetch-licensee-suite.sh); nothing of it is committed.
// 1. fixture_spec.rb: every spec/fixtures/<name>/ folder is checked by osai; fixtures.yml says which license
//    licensee expects (`other`: a license file that is no known license; none: no license at all).
// 2. vendored_license_spec.rb: every vendored license text, with licensee's copyright values put in, plain,
//    under a second title, re-wrapped at 60 columns (each must be that license), and with 75 random words put in,
//    plain and re-wrapped (each must NOT be that license).
// An answer is right, wrong (another license), or refused (unknown, or the license with words osai cannot explain).
// Six fixtures are held to the truth where licensee's `other` is its own limit (OVERRIDES, below).
// "More permissive" counts the wrong answers that name a known license where the truth is `other`, random words,
// or a NonCommercial / NoDerivatives license.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = process.env.OSAI_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const folder = process.argv[2];
if (!folder || !existsSync(join(folder, 'spec', 'fixtures', 'fixtures.yml'))) {
  console.log('licensee conformance: skipped (give the folder scripts/fetch-licensee-suite.sh builds: node bench/licensee-conformance.mjs <folder>)');
  process.exit(0);
}
const { check } = await import(join(root, 'dist/index.js'));
const { identifyLicenseText } = await import(join(root, 'dist/identify/license-text/license-text.js'));
const { loadRuleSet } = await import(join(root, 'dist/ruleset/rule-set.js'));
const rules = await loadRuleSet();

// licensee keys → SPDX ids, from the vendored texts' front matter.
const licDir = join(folder, 'vendor', 'choosealicense.com', '_licenses');
const vendored = readdirSync(licDir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
  const raw = readFileSync(join(licDir, f), 'utf8');
  const end = raw.indexOf('\n---', 3);
  return { key: f.slice(0, -4), meta: parseYaml(raw.slice(3, end)), body: raw.slice(end + 4).replace(/^\s*\n/, '') };
});
const spdxOf = new Map(vendored.map((v) => [v.key, v.meta['spdx-id']]));
/** The osai ids that are right for a licensee SPDX id (licensee's GPL-3.0 is the text without "or later"). */
const accepted = (id) => [id, `${id}-only`, `${id}-or-later`];
const RESTRICTIVE = /-NC|-ND/;

/**
 * Where licensee's `other` is licensee's own limit rather than the truth, osai is held to the truth instead (each is
 * listed in bench/RESULTS.md): licensee answers `other` for a project with several licenses (osai names each), and
 * it ships no NonCommercial / NoDerivatives texts nor Pixar's (osai has the SPDX ones).
 */
const OVERRIDES = {
  'multiple-license-files': { truth: ['MIT', 'MPL-2.0'] },
  'licenses-dir-with-multiple-license-files': { truth: ['MIT', 'MPL-2.0'] },
  'licenses-dir-with-top-level-license': { truth: ['Apache-2.0', 'MIT'] },
  'cc-by-nc-sa': { truth: 'CC-BY-NC-SA-4.0' },
  'cc-by-nd': { truth: 'CC-BY-ND-4.0' },
  'pixar-modified-apache': { truth: 'Pixar' },
};

const tally = { right: 0, wrong: 0, refused: 0, permissive: 0, total: 0 };
const misses = [];
function judge(name, truth, got) {
  // truth: an SPDX id, 'other' (no known license), 'none' (no license), or 'not:<id>' (anything but that id).
  tally.total++;
  const ids = got.filter((g) => g !== 'unknown' && g !== '+terms');
  const unknown = got.includes('unknown') || got.includes('+terms');
  let verdict;
  if (Array.isArray(truth)) verdict = unknown ? 'refused' : truth.every((t) => ids.some((i) => accepted(t).includes(i))) && ids.length === truth.length ? 'right' : 'wrong';
  else if (truth === 'none') verdict = got.length === 0 ? 'right' : ids.length === 0 ? 'refused' : 'wrong';
  else if (truth === 'none') verdict = got.length === 0 ? 'right' : 'wrong';
  else if (truth === 'other') verdict = unknown ? 'right' : ids.length === 0 ? 'refused' : 'wrong';
  else if (truth.startsWith('not:')) verdict = unknown || !ids.some((i) => accepted(truth.slice(4)).includes(i)) ? (ids.length > 0 && !unknown ? 'wrong' : 'right') : 'wrong';
  else verdict = unknown ? 'refused' : ids.some((i) => accepted(truth).includes(i)) ? 'right' : ids.length === 0 ? 'refused' : 'wrong';
  tally[verdict]++;
  const permissive = verdict === 'wrong' && ids.length > 0 && !unknown
    && !Array.isArray(truth) && (truth === 'other' || truth.startsWith('not:') || RESTRICTIVE.test(truth));
  if (permissive) tally.permissive++;
  if (verdict !== 'right') misses.push(`${verdict}${permissive ? ' (more permissive)' : ''}: ${name}: expected ${truth}, got ${got.join(' ') || 'nothing'}`);
}

// 1. The fixtures, each checked as a repository.
const fixturesDir = join(folder, 'spec', 'fixtures');
const expected = parseYaml(readFileSync(join(fixturesDir, 'fixtures.yml'), 'utf8'));
let fixtureTally;
{
  const before = { ...tally };
  for (const name of Object.keys(expected).sort()) {
    const dir = join(fixturesDir, name);
    if (!existsSync(dir)) continue;
    const key = expected[name]?.key;
    const truth = OVERRIDES[name]?.truth ?? (!key || key === 'no-license' ? 'none' : key === 'other' ? 'other' : spdxOf.get(key) ?? key);
    const report = await check(dir, { profile: 'open-weights' });
    const got = [...new Set(report.licenses.map((l) => (l.addedTerms ? '+terms' : l.expression)))];
    // An empty or unreadable license file is a finding that fails the check: osai's way of saying `other`.
    if (report.findings.some((f) => f.code === 'license-file-empty' || f.code === 'license-file-binary')) got.push('unknown');
    const where = report.licenses.filter((l) => l.addedTerms || l.expression === 'unknown').map((l) => `${l.source.file}:${l.source.line}`);
    judge(`fixture ${name}${where.length ? ` [${where.join(', ')}]` : ''}`, truth, got);
  }
  fixtureTally = Object.fromEntries(Object.keys(tally).map((k) => [k, tally[k] - before[k]]));
}

// 2. The vendored texts and licensee's variations of them.
const values = { fullname: 'Ben Balter', year: '2018', email: 'ben@github.invalid', projecturl: 'http://github.invalid/benbalter/licensee', login: 'benbalter', project: 'Licensee', description: 'Detects licenses' };
const fill = (t) => t.replace(/\[(fullname|year|email|projecturl|login|project|description)\]/g, (_, k) => values[k]);
const ipsum = readFileSync(join(fixturesDir, 'ipsum.txt'), 'utf8').split(/\s+/).filter(Boolean);
let seed = 42;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
function addRandomWords(t, count) {
  const words = t.split(/\s+/).filter(Boolean);
  for (let i = 0; i < count; i++) words.splice(random(words.length), 0, ipsum[random(ipsum.length)]);
  return words.join(' ');
}
function wrap(t, width) {
  return t.split(/\n\s*\n/).map((p) => {
    const lines = [];
    let line = '';
    for (const w of p.split(/\s+/).filter(Boolean)) { if (line && line.length + w.length + 1 > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w; }
    if (line) lines.push(line);
    return lines.join('\n');
  }).join('\n\n');
}
const ids = (t) => identifyLicenseText('LICENSE', t, { kind: 'repo' }, rules).map((f) => (f.addedTerms ? '+terms' : f.expression));
const before = { ...tally };
const cpu0 = process.cpuUsage();
let files = 0;
for (const v of vendored) {
  const id = v.meta['spdx-id'];
  if (!id) continue;
  const content = fill(v.body);
  const variants = [
    ['plain', content, id],
    ['double title', `${String(v.meta.title).replace(/\*/g, 'u')}\n\n${content}`, id],
    ['rewrapped', wrap(content, 60), id],
    ['random words', addRandomWords(content, 75), `not:${id}`],
    ['rewrapped random words', wrap(addRandomWords(content, 75), 60), `not:${id}`],
  ];
  for (const [variant, text, truth] of variants) { judge(`${v.key} (${variant})`, truth, ids(text)); files++; }
}
const cpu = process.cpuUsage(cpu0);
const vendoredTally = Object.fromEntries(Object.keys(tally).map((k) => [k, tally[k] - before[k]]));

const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
const line = (name, t) => console.log(`  ${name.padEnd(22)} right ${t.right}/${t.total} (${pct(t.right, t.total)}), wrong ${t.wrong}, refused ${t.refused}, more permissive than the truth ${t.permissive}`);
console.log(`licensee conformance (${folder}, licensee ${readFileSync(join(folder, 'COMMIT'), 'utf8').trim().slice(0, 7)})`);
line('fixtures (fixtures.yml)', fixtureTally);
line('vendored texts x5', vendoredTally);
line('all', tally);
console.log(`  speed of the vendored part: ${(files / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} files per CPU-second`);
for (const m of misses) console.log(`    ${m}`);
