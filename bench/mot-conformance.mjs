// MOF classes from declarations against the Model Openness Tool's own: node bench/mot-conformance.mjs <mot-checkout>.
// <mot-checkout> is a copy of github.com/lfai/model_openness_tool (models/*.yml, web/modules/mof/…); nothing is
// fetched. Each record becomes a .osai.yml that declares its components with their licenses (the model card too),
// osai checks the otherwise empty folder, and its class (the highest mof-class-N that passes) is compared with the
// class MOT's evaluator (ModelEvaluator.php, ported below and checked against MOT's Test_Data expectations) gives.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const mot = process.argv[2] ?? process.env.OSAI_MOT_DIR;
if (!mot) {
  console.log("MOT conformance: skipped (give a copy of lfai/model_openness_tool: npm run bench -- <folder>, see bench/mot-manifest.json)");
  process.exit(0);
}
if (!existsSync(join(mot, "models"))) {
  console.error('usage: node bench/mot-conformance.mjs <folder with a copy of lfai/model_openness_tool>');
  process.exit(2);
}
const { check } = await import(join(root, 'dist/run.js'));
const module = join(mot, 'web/modules/mof');

// --- MOT's evaluator, from its data: components (mof.settings.yml) and licenses (licenses.json, then mof-licenses.json).
const components = parse(readFileSync(join(module, 'config/install/mof.settings.yml'), 'utf8')).components;
const byName = new Map(components.map((c) => [c.name, c]));
const licenses = new Map();
for (const file of ['licenses.json', 'mof-licenses.json']) {
  for (const l of JSON.parse(readFileSync(join(module, file), 'utf8')).licenses) licenses.set(l.licenseId, l);
}
const OPEN_DATA = new Set(readFileSync(join(module, 'src/LicenseHandler.php'), 'utf8').match(/OPEN_DATA_LICENSES = \[([^\]]*)\]/)[1].match(/'([^']+)'/g).map((s) => s.slice(1, -1)));
const isOpen = (id) => Boolean(licenses.get(id)?.isOsiApproved || licenses.get(id)?.isFsfLibre) || OPEN_DATA.has(id) || id === 'OpenMDW-1.0';

/** The record's components (MOT ids) and each one's license as ModelEvaluator::resolveLicense finds it. */
function readRecord(record) {
  const release = record.release ?? {};
  const global = release.license && typeof release.license === 'object' ? release.license : {};
  const out = new Map();
  for (const c of release.components ?? []) {
    const component = byName.get(c.name);
    if (!component) continue;
    let license;
    if (c.license !== undefined && c.license !== null) license = c.license || undefined;
    else license = global[component.content_type]?.name || global.distribution?.name || undefined;
    out.set(component.id, { component, license: license ?? 'unlicensed' });
  }
  return out;
}

/** ModelEvaluator::getClassification: the lowest class whose progress is 100 %, classes being cumulative. */
function motClass(record) {
  const have = readRecord(record);
  const included = (cid) => have.has(cid) && isOpen(have.get(cid).license);
  const required = (cls) => components.filter((c) => c.class === cls && c.required === true).map((c) => c.id);
  const TR = 11; const RP = 21;
  let best = 0;
  let needed = [];
  for (const cls of [3, 2, 1]) {
    needed = [...needed, ...required(cls)];
    // The technical report may be omitted when the research paper is included.
    const ok = needed.every((cid) => included(cid) || (cid === TR && included(RP)));
    if (!ok) break;
    best = cls;
  }
  return best;
}

// --- The port against MOT's own expectations: Test_Data/<name>_C1_x%-C2_y%-C3_z%_….yml.
let portOk = 0; let portAll = 0;
const testData = join(mot, 'Test_Data');
if (existsSync(testData)) {
  for (const name of readdirSync(testData).filter((n) => /_C1_\d+%-C2_\d+%-C3_\d+%/.test(n))) {
    const [, c1, c2, c3] = /_C1_(\d+)%-C2_(\d+)%-C3_(\d+)%/.exec(name).map(Number);
    const expected = c1 === 100 ? 1 : c2 === 100 ? 2 : c3 === 100 ? 3 : 0;
    portAll++;
    if (motClass(parse(readFileSync(join(testData, name), 'utf8'))) === expected) portOk++;
  }
}

// --- osai on a declared-only release.
const motToOsai = new Map(parse(readFileSync(join(root, 'rules/components.yaml'), 'utf8')).components.map((c) => [c.motId, c.id]));
const work = mkdtempSync(join(tmpdir(), 'osai-mot-'));

function osaiConfig(record) {
  const release = record.release ?? {};
  const location = [release.repository, release.huggingface].find((u) => typeof u === 'string' && /^https?:\/\//.test(u)) ?? `https://mot.isitopen.ai/model/${encodeURIComponent(release.name ?? 'model')}`;
  const declared = [];
  for (const [cid, { license }] of readRecord(record)) {
    const id = motToOsai.get(cid);
    if (!id) continue;
    declared.push({ id, location, ...(license !== 'unlicensed' ? { license } : {}) });
  }
  return { components: declared };
}

async function osaiClass(dir) {
  const report = await check(dir, { profile: 'mof-class-3' });
  const pass = (id) => report.profiles.find((p) => p.id === id)?.verdict === 'pass';
  return pass('mof-class-1') ? 1 : pass('mof-class-2') ? 2 : pass('mof-class-3') ? 3 : 0;
}

const rows = [];
for (const name of readdirSync(join(mot, 'models')).filter((n) => n.endsWith('.yml')).sort()) {
  const record = parse(readFileSync(join(mot, 'models', name), 'utf8'));
  const dir = join(work, name.replace(/\.yml$/, ''));
  mkdirSync(dir);
  writeFileSync(join(dir, '.osai.yml'), stringify(osaiConfig(record)));
  let ours;
  try { ours = await osaiClass(dir); } catch (error) { ours = `error: ${error.message.split('\n')[0]}`; }
  rows.push({ name, mot: motClass(record), osai: ours });
}
if (!process.env.MOT_KEEP) rmSync(work, { recursive: true, force: true }); else console.log(work);

const agree = rows.filter((r) => r.mot === r.osai);
const byClass = (key) => [0, 1, 2, 3].map((c) => `${c}:${rows.filter((r) => r[key] === c).length}`).join(' ');
console.log(`MOT evaluator port vs MOT Test_Data expectations: ${portOk}/${portAll}`);
console.log(`osai class = MOT class: ${agree.length}/${rows.length} records  (MOT ${byClass('mot')}; osai ${byClass('osai')})`);
for (const r of rows.filter((x) => x.mot !== x.osai).slice(0, Number(process.env.MOT_SHOW ?? 40))) console.log(`  ${r.name}: MOT ${r.mot}, osai ${r.osai}`);
