#!/usr/bin/env node
// Writes rules/licenses/spdx/*.yaml: one rule per SPDX license whose rating follows from package data alone.
//
//   node scripts/generate-spdx-rules.mjs        (re-run after updating spdx-license-list; commit the output)
//
// What it generates, and why the rating follows mechanically:
// - every OSI-approved id in spdx-license-list (`osiApproved: true`): OSI approval means the license passed the
//   Open Source Definition, so use and study are granted and modify/share are at most conditional (notice, license
//   pass-on, share-alike: the conditions the OSD allows). The clause is the license's grant as a whole, since the
//   package carries no clause numbers; a hand-written rule gives exact clauses where they matter.
// - the Creative Commons BY family (BY, BY-SA, BY-NC, BY-ND, BY-NC-SA, BY-NC-ND, BY-NC-ND, all versions and ports):
//   the id itself names the license elements (NC = non-commercial only, ND = no adaptations shared, SA = share-alike).
// - every license the Blue Oak Council rates Model, Gold, Silver or Bronze (@blueoak/list): the council's list is of
//   permissive licenses, read by lawyers, so use and study are granted and modify/share carry at most notice conditions.
//   Blue Oak's "Lead" rating (problematic, often unclear) is not enough to rate: those stay `unknown`.
// - the other member of an -only / -or-later pair whose sibling is hand-written (AGPL-3.0-or-later from AGPL-3.0-only,
//   GPL-3.0-or-later from GPL-3.0-only): the "or later" option adds a choice, never a condition, so the ratings are the
//   sibling's and the two forms can never drift apart. GFDL-1.1/1.2 and the no-invariants forms copy GFDL-1.3-only
//   (same section numbering); the forms *with* invariant sections stay `unknown` (what is invariant needs reading).
// - every other current SPDX id (spdx-license-ids) gets an `unknown` rule: osai knows the id, but not what the text
//   allows, so each freedom rates unknown (gates like fail) until someone reads it and writes rules/licenses/<id>.yaml.
//   The list of these ids is written into rules/README.md between the UNRATED markers.
// Deprecated SPDX ids are skipped. Hand-written rules in rules/licenses/*.yaml always win: an id that has one is never generated.
// `categories` and `suits` follow the Model Openness Tool (openness-frameworks.md §2.4): its open-data list, and the
// ContentType list of mof-licenses.json (with its quirk that CC0-1.0 and CC-PDDC end up document-only).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { parse: parseYaml } = require('yaml');
const list = require('spdx-license-list');
const currentIds = require('spdx-license-ids/index.json');
/** Blue Oak rating per SPDX id (Model, Gold, Silver, Bronze, Lead). */
const blueOak = new Map(require('@blueoak/list').flatMap((r) => r.licenses.map((l) => [l.id, r.name])));
// Deprecated ids (GPL-3.0, AGPL-3.0, …) share their successor's name; osai maps them to the successor (src/spdx/expression.ts).
const deprecated = new Set(require('spdx-license-ids/deprecated.json'));
const root = fileURLToPath(new URL('..', import.meta.url));
const handDir = `${root}rules/licenses`;
const outDir = `${root}rules/licenses/spdx`;

/** Deprecated ids (GPL-2.0, GPL-2.0+) become aliases of their successor (-only, -or-later), so names still resolve. */
const successorAliases = new Map();
for (const id of [...deprecated, ...Object.keys(list).filter((i) => i.endsWith('+'))]) {
  const successor = id.endsWith('+') ? `${id.slice(0, -1)}-or-later` : `${id}-only`;
  if (list[successor]) successorAliases.set(successor, [...(successorAliases.get(successor) ?? []), id]);
}

const handWritten = new Set(readdirSync(handDir).filter((n) => n.endsWith('.yaml')).map((n) => n.replace(/\.yaml$/, '')));

/** MOT mof-licenses.json ContentType per id (openness-frameworks.md §2.4); data covers weights too. */
const MOT_CODE = ['0BSD', 'AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0', 'Apache-1.0', 'Apache-1.1', 'ECL-1.0',
  'ECL-2.0', 'ISC', 'MIT', 'MIT-0', 'MulanPSL-1.0', 'MulanPSL-2.0', 'NCSA', 'UPL-1.0'];
const MOT_DOCS = ['CC-BY-4.0', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0', 'FreeBSD-DOC'];
function suitsOf(id) {
  const suits = [];
  if (MOT_CODE.includes(id)) suits.push('code');
  if (MOT_DOCS.includes(id)) suits.push('docs');
  return suits;
}

/** MOT's hard-coded open-data list: CC-BY and CC-BY-SA 1.0–4.0 including ports. */
const motOpenData = (id) => /^CC-BY(-SA)?-[1-4]\.0(-[A-Z]{2,3})?$|^CC-BY-2\.5(-[A-Z]{2,3})?$/.test(id);

const q = (s) => JSON.stringify(s);
function rating(rating, clause, reason) { return `{rating: ${rating}, clause: ${q(clause)}, reason: ${q(reason)}}`; }

function osiRule(id, entry) {
  return [
    `id: ${id}`,
    `name: ${q(entry.name)}`,
    ...(successorAliases.has(id) ? [`aliases: [${successorAliases.get(id).map(q).join(', ')}]`] : []),
    'osiApproved: true',
    'categories: []',
    `suits: [${suitsOf(id).join(', ')}]`,
    'freedoms:',
    `  use: ${rating('granted', 'license grant', 'OSI-approved: the license lets anyone run the work for any purpose (OSD §5-§6)')}`,
    `  study: ${rating('granted', 'license grant', 'OSI-approved: the source form may be read and redistributed (OSD §2)')}`,
    `  modify: ${rating('conditional', 'license grant', 'OSI-approved: derived works are allowed, at most under notice, pass-on or share-alike conditions (OSD §3)')}`,
    `  share: ${rating('conditional', 'license grant', 'OSI-approved: free redistribution, at most under notice, pass-on or share-alike conditions (OSD §1)')}`,
    'obligations:',
    `  - {type: notice, clause: "license conditions", text: "keep the copyright and license notices; see the license text for its exact conditions"}`,
    `sources: [${q(entry.url)}, "https://spdx.org/licenses/${id}.html", "generated from spdx-license-list osiApproved"]`,
  ];
}

function ccRule(id, entry) {
  const m = /^CC-BY(-NC)?(-ND)?(-SA)?-([0-9.]+)(-[A-Z]{2,3})?$/.exec(id);
  const nc = Boolean(m[1]);
  const nd = Boolean(m[2]);
  const sa = Boolean(m[3]);
  const v4 = m[4] === '4.0';
  const grant = v4 ? '§2(a)(1)' : '§3';
  const cond = v4 ? '§3(a)' : '§4';
  const saClause = v4 ? '§3(b)' : '§4(b)';
  const open = !nc && !nd;
  const cats = open ? ['open-data', 'mot-open'] : [];
  if (open && (id === 'CC-BY-4.0' || /^CC-BY-SA-(3|4)\.0$/.test(id))) cats.unshift('open-content');
  const ncText = 'the grant covers non-commercial purposes only';
  const lines = [
    `id: ${id}`,
    `name: ${q(entry.name)}`,
    'osiApproved: false',
    `categories: [${cats.join(', ')}]`,
    `suits: [${suitsOf(id).join(', ')}]`,
    'freedoms:',
    `  use: ${nc ? rating('restricted', grant, ncText) : rating('granted', grant, 'the material may be reproduced and used for any purpose')}`,
    `  study: ${rating('granted', grant, 'nothing limits inspecting the material')}`,
    `  modify: ${nd ? rating('restricted', grant, 'adapted material may not be shared (NoDerivatives)')
      : nc ? rating('restricted', grant, 'adaptations may be made for non-commercial purposes only')
        : sa ? rating('conditional', saClause, 'adaptations must be marked and shared under the same license (ShareAlike)')
          : rating('conditional', cond, 'adaptations must credit the author and indicate changes')}`,
    `  share: ${nc ? rating('restricted', grant, 'sharing is allowed for non-commercial purposes only')
      : rating('conditional', cond, 'copies must credit the author, keep notices and link the license')}`,
  ];
  const restrictions = [];
  if (nc) restrictions.push(`  - {type: non-commercial, limits: [use, modify, share], clause: ${q(grant)}, text: "use, adaptation and sharing are licensed for non-commercial purposes only"}`);
  if (nd) restrictions.push(`  - {type: no-derivatives, limits: [modify], clause: ${q(grant)}, text: "adapted material may not be shared"}`);
  if (restrictions.length) lines.push('restrictions:', ...restrictions);
  lines.push('obligations:', `  - {type: attribution, clause: ${q(cond)}, text: "credit the creator, keep notices, link the license and indicate changes"}`);
  if (sa) lines.push(`  - {type: share-alike, clause: ${q(saClause)}, text: "adaptations are shared under the same or a compatible license"}`);
  lines.push(`sources: [${q(entry.url)}, "https://spdx.org/licenses/${id}.html", "generated from the CC license elements in the SPDX id"]`);
  return lines;
}

function permissiveRule(id, entry, grade) {
  const why = `the Blue Oak Council rates it ${grade}, a permissive license`;
  return [
    `id: ${id}`,
    `name: ${q(entry.name)}`,
    'osiApproved: false',
    'categories: []',
    `suits: [${suitsOf(id).join(', ')}]`,
    'freedoms:',
    `  use: ${rating('granted', 'license grant', `${why}: use for any purpose`)}`,
    `  study: ${rating('granted', 'license grant', `${why}: the work may be read and copied`)}`,
    `  modify: ${rating('conditional', 'license grant', `${why}: changes allowed, at most under notice conditions`)}`,
    `  share: ${rating('conditional', 'license grant', `${why}: redistribution allowed, at most under notice conditions`)}`,
    'obligations:',
    `  - {type: notice, clause: "license conditions", text: "keep the copyright and license notices; see the license text for its exact conditions"}`,
    `sources: [${q(entry.url)}, "https://spdx.org/licenses/${id}.html", "generated from @blueoak/list (${grade})"]`,
  ];
}

/** A rule copied from a hand-written sibling, with this id's name, aliases and SPDX page. */
function siblingRule(id, entry, siblingId) {
  const sibling = parseYaml(readFileSync(`${handDir}/${siblingId}.yaml`, 'utf8'));
  const line = (key, value) => `${key}: ${JSON.stringify(value)}`;
  const rest = Object.entries(sibling).filter(([k]) => !['id', 'name', 'aliases', 'sources', 'identify'].includes(k));
  return [
    `id: ${id}`,
    `name: ${q(entry.name)}`,
    ...(successorAliases.has(id) ? [`aliases: [${successorAliases.get(id).map(q).join(', ')}]`] : []),
    ...rest.map(([k, v]) => line(k, v)),
    line('sources', [...(sibling.sources ?? []).filter((src) => !src.includes('spdx.org/licenses/')), `https://spdx.org/licenses/${id}.html`,
      `generated: the ratings of ${siblingId}, its hand-written sibling`]),
  ];
}

function siblingOf(id) {
  const pair = /-only$/.test(id) ? id.replace(/-only$/, '-or-later') : /-or-later$/.test(id) ? id.replace(/-or-later$/, '-only') : undefined;
  if (pair && handWritten.has(pair)) return pair;
  if (/^GFDL-1\.[12]-(only|or-later)$|^GFDL-1\.[123]-no-invariants-(only|or-later)$/.test(id) && handWritten.has('GFDL-1.3-only')) return 'GFDL-1.3-only';
  return undefined;
}

function unknownRule(id, entry) {
  const why = blueOak.get(id) === 'Lead'
    ? 'the Blue Oak Council rates it Lead (problematic); osai has not read it'
    : 'osai has not read this license';
  const r = rating('unknown', 'whole text', `${why}: read it and add rules/licenses/${id}.yaml`);
  return [
    `id: ${id}`,
    `name: ${q(entry.name)}`,
    'osiApproved: false',
    'categories: []',
    'suits: []',
    'freedoms:',
    `  use: ${r}`,
    `  study: ${r}`,
    `  modify: ${r}`,
    `  share: ${r}`,
    `sources: [${q(entry.url)}, "https://spdx.org/licenses/${id}.html", "generated: an SPDX id without a rating"]`,
  ];
}

/** spdx-license-ids is newer than spdx-license-list for a few ids: name them from the id, link the SPDX page. */
const entryOf = (id) => list[id] ?? { name: id, url: `https://spdx.org/licenses/${id}.html`, osiApproved: false };

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let count = 0;
const unrated = [];
for (const id of [...new Set([...Object.keys(list), ...currentIds])].sort()) {
  // `GPL-2.0+`-style ids are the deprecated spelling of `-or-later` and share its name.
  if (handWritten.has(id) || deprecated.has(id) || id.endsWith('+')) continue;
  const entry = entryOf(id);
  const grade = blueOak.get(id);
  let lines;
  if (/^CC-BY(-NC)?(-ND)?(-SA)?-[0-9.]+(-[A-Z]{2,3})?$/.test(id)) lines = ccRule(id, entry);
  else if (siblingOf(id)) lines = siblingRule(id, entry, siblingOf(id));
  else if (entry.osiApproved) lines = osiRule(id, entry);
  else if (grade && grade !== 'Lead') lines = permissiveRule(id, entry, grade);
  else { lines = unknownRule(id, entry); unrated.push(id); }
  if (motOpenData(id) && !lines.some((l) => l.includes('mot-open'))) throw new Error(`${id}: expected mot-open`);
  const header = '# GENERATED by scripts/generate-spdx-rules.mjs from spdx-license-list; do not edit.\n'
    + '# To rate this license by hand, add rules/licenses/<id>.yaml and re-run the script (the hand-written rule wins).\n';
  writeFileSync(`${outDir}/${id}.yaml`, `${header}${lines.join('\n')}\n`);
  count++;
}
// The unrated ids are listed in rules/README.md, so the gap is visible where the rules are documented.
const readmePath = `${root}rules/README.md`;
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- UNRATED:START (generated by scripts/generate-spdx-rules.mjs) -->';
const end = '<!-- UNRATED:END -->';
const block = `${start}\n${unrated.length} SPDX ids rate unknown until read: ${unrated.map((i) => `\`${i}\``).join(', ')}.\n${end}`;
const at = readme.indexOf(start);
if (at < 0) throw new Error('rules/README.md has no UNRATED markers');
writeFileSync(readmePath, readme.slice(0, at) + block + readme.slice(readme.indexOf(end) + end.length));
process.stdout.write(`wrote ${count} rules to rules/licenses/spdx/ (${unrated.length} unknown)\n`);
