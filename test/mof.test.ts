// The MOF classes as the Model Openness Tool computes them (openness-frameworks.md §2.5), on variations of one
// Class I release held in memory: cumulative classes, the research paper standing in for the technical report,
// unlicensed components not counted, open-but-not-type-appropriate passing with a warning (failing under --strict).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Declaration } from '../src/model.js';
import { createMemoryReader } from '../src/read/reader.js';
import { checkReader } from '../src/run.js';
import { fixture } from './helpers/run-cli.js';

function filesOf(dir: string, prefix = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    if (name === '.osai.yml') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, filesOf(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path);
  }
  return out;
}

const FILES = filesOf(fixture('osi-pythia-like-passes'));
const declare = (component: string, license?: string): Declaration =>
  ({ component, location: `https://example.org/${component}`, ...(license ? { license } : {}), file: '.osai.yml', line: 1 });
const CLASS_I = [
  declare('model-parameters-intermediate', 'Apache-2.0'), declare('datasets', 'CDLA-Permissive-2.0'), declare('research-paper', 'CC-BY-4.0'),
];

async function classes(declarations: Declaration[], strict = false): Promise<Record<string, string>> {
  const report = await checkReader(createMemoryReader(FILES), { profile: 'mof-class-1', strict }, { declarations });
  return Object.fromEntries(report.profiles.filter((p) => p.id.startsWith('mof-')).map((p) => [p.id, p.verdict]));
}

describe('MOF classes (MOT ModelEvaluator)', () => {
  test('every component open: Class I, II and III', async () => {
    expect(await classes(CLASS_I)).toEqual({ 'mof-class-1': 'pass', 'mof-class-2': 'pass', 'mof-class-3': 'pass' });
  });

  // Without the declaration the card's arXiv link still shows the paper, but not its license: unknown, which gates
  // like fail (MOT would count it unlicensed).
  test('a technical report without a licensed paper: Classes III and II, not I (the paper is required at Class I)', async () => {
    const decl = [...CLASS_I.filter((d) => d.component !== 'research-paper'), declare('technical-report', 'CC-BY-4.0')];
    expect(await classes(decl)).toEqual({ 'mof-class-1': 'unknown', 'mof-class-2': 'pass', 'mof-class-3': 'pass' });
  });

  test('the paper stands in for a technical report that is not counted (here: under a non-open license)', async () => {
    const decl = [...CLASS_I, declare('technical-report', 'CC-BY-NC-4.0')];
    expect(await classes(decl)).toEqual({ 'mof-class-1': 'pass', 'mof-class-2': 'pass', 'mof-class-3': 'pass' });
  });

  test('an unlicensed paper with no report: not counted, so no class at all (classes are cumulative)', async () => {
    const decl = [...CLASS_I.filter((d) => d.component !== 'research-paper'), declare('research-paper')];
    expect(await classes(decl)).toEqual({ 'mof-class-1': 'fail', 'mof-class-2': 'fail', 'mof-class-3': 'fail' });
  });

  test('a Class I component without a license (datasets only named in the card) leaves Classes II and III standing', async () => {
    expect(await classes(CLASS_I.filter((d) => d.component !== 'datasets')))
      .toEqual({ 'mof-class-1': 'unknown', 'mof-class-2': 'pass', 'mof-class-3': 'pass' });
  });

  test('a license MOT does not count open (Llama 2) on the datasets fails Class I only', async () => {
    const decl = [...CLASS_I.filter((d) => d.component !== 'datasets'), declare('datasets', 'LicenseRef-llama-2-community')];
    expect(await classes(decl)).toEqual({ 'mof-class-1': 'fail', 'mof-class-2': 'pass', 'mof-class-3': 'pass' });
  });

  test('open but not type-appropriate (Apache-2.0 weights) passes with a warning, and --strict fails it', async () => {
    expect(await classes(CLASS_I, true)).toEqual({ 'mof-class-1': 'fail', 'mof-class-2': 'fail', 'mof-class-3': 'fail' });
  });
});
