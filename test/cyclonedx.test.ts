// --format cyclonedx: CycloneDX 1.6 JSON validated offline against the official schema the CycloneDX library ships.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import addDraft2019Formats from 'ajv-formats-draft2019';
import { describe, expect, test } from 'vitest';
import { bomModelOf, cycloneDxBom } from '../src/format/cyclonedx.js';
import { formatReport } from '../src/format/index.js';
import { check } from '../src/run.js';
import { fixture, runCli } from './helpers/run-cli.js';

const require = createRequire(import.meta.url);
const schemaDir = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const load = (name: string) => JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as object;
// The 1.6 schema refers to its SPDX, JSF and cryptography schemas by these names; nothing is fetched.
const ajv = new Ajv({
  strict: false, addUsedSchema: false,
  schemas: {
    'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': load('spdx.SNAPSHOT.schema.json'),
    'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': load('jsf-0.82.SNAPSHOT.schema.json'),
    'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': load('cryptography-defs.SNAPSHOT.schema.json'),
  },
});
(addFormats as unknown as (a: Ajv) => void)(ajv);
(addDraft2019Formats as unknown as (a: Ajv, o: object) => void)(ajv, { formats: ['idn-email', 'iri-reference'] });
const validate = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));

interface Bom { specVersion: string; components: Record<string, any>[]; dependencies: { ref: string; dependsOn?: string[] }[] }
function valid(text: string): Bom {
  const bom = JSON.parse(text) as Bom;
  expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toBe(true);
  return bom;
}
const prop = (c: Record<string, any>, name: string) => (c['properties'] as { name: string; value: string }[]).filter((p) => p.name === name).map((p) => p.value);

describe('osai check --format cyclonedx', () => {
  test('the validator is not vacuous: a misspelt modelCard field or component type fails it', () => {
    const bom = JSON.parse(cycloneDxBom([bomModelOf('m', undefined)], { name: 'osai', version: '0' })) as Bom;
    expect(validate(bom)).toBe(true);
    expect(validate({ ...bom, components: [{ ...bom.components[0], modelCard: { modelParameter: {} } }] })).toBe(false);
    expect(validate({ ...bom, components: [{ ...bom.components[0], type: 'ml-model' }] })).toBe(false);
  });

  test('a fine-tune: one machine-learning-model with its verdicts, licenses where read, the base as pedigree and dependency', async () => {
    const report = await check(fixture('finetune-of-llama-reupload'));
    const bom = valid(await formatReport(report, 'cyclonedx'));
    expect(bom.specVersion).toBe('1.6');
    const model = bom.components.find((c) => c['bom-ref'] === report.target.path)!;
    expect(model['type']).toBe('machine-learning-model');
    expect(model['licenses']).toEqual([{ expression: 'Apache-2.0 AND LicenseRef-llama-3-community' }]);
    expect(prop(model, 'osai:verdict')).toEqual(['fail']);
    expect(prop(model, 'osai:profile:open-weights')).toEqual(['fail']);
    expect(prop(model, 'osai:license-source')).toContain('Apache-2.0 @ LICENSE:1 (license-file)');
    expect(model['pedigree']).toEqual({ ancestors: [{ type: 'machine-learning-model', name: 'unsloth/llama-3-8b-bnb-4bit', purl: 'pkg:huggingface/unsloth/llama-3-8b-bnb-4bit' }] });
    expect(bom.dependencies.find((d) => d.ref === report.target.path)?.dependsOn).toEqual(['hf:unsloth/llama-3-8b-bnb-4bit']);
    expect(model['modelCard'].properties).toContainEqual({ name: 'osai:component:training-code', value: 'absent' });
  });

  test('a dataset is a data component the model card and the dependencies name, with its license', async () => {
    const report = await check(fixture('noncommercial-dataset'));
    const bom = valid(await formatReport(report, 'cyclonedx'));
    const data = bom.components.find((c) => c['type'] === 'data')!;
    expect(data).toMatchObject({ name: 'tatsu-lab/alpaca', 'bom-ref': 'hf:datasets/tatsu-lab/alpaca', licenses: [{ expression: 'CC-BY-NC-4.0' }] });
    const model = bom.components.find((c) => c['type'] === 'machine-learning-model')!;
    expect(model['modelCard'].modelParameters.datasets).toEqual([{ ref: 'hf:datasets/tatsu-lab/alpaca' }]);
  });

  test('a license osai could not identify is named as such, never as an SPDX expression', () => {
    const digest = bomModelOf('weights', undefined, { license: 'Apache-2.0 AND unknown', verdict: 'unknown' });
    const bom = valid(cycloneDxBom([digest], { name: 'osai', version: '0' }));
    expect(bom.components[0]!['licenses']).toEqual([{ license: { name: 'not identified by osai: Apache-2.0 AND unknown' } }]);
    expect(prop(bom.components[0]!, 'osai:verdict')).toEqual(['unknown']);
  });

  test('the CLI writes the same BOM, byte for byte on a second run', () => {
    const a = runCli(['check', 'fixtures/noncommercial-dataset', '--format', 'cyclonedx']);
    const b = runCli(['check', 'fixtures/noncommercial-dataset', '--format', 'cyclonedx']);
    valid(a.stdout);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('osai scan --format cyclonedx', () => {
  test('one BOM for every target: models, shared data once, unresolved references with where they are', () => {
    const { code, stdout, stderr } = runCli(['scan', 'fixtures/noncommercial-dataset', 'fixtures/finetune-of-llama-reupload', 'fixtures/scan-application-references', '--format', 'cyclonedx', '--offline']);
    expect(code).toBe(2);
    expect(stderr).toContain('targets under osaid-1.0');
    const bom = valid(stdout);
    const models = bom.components.filter((c) => c['type'] === 'machine-learning-model');
    const computed = models.find((c) => String(c['bom-ref']).endsWith('src/app.py:23'))!;
    expect(prop(computed, 'osai:verdict')).toEqual(['unknown']);
    expect(computed['evidence']).toEqual({ occurrences: [{ location: 'fixtures/scan-application-references/src/app.py', line: 23 }] });
    expect(prop(models.find((c) => c['bom-ref'] === 'hf:acme/open-chat')!, 'osai:verdict')).toEqual(['error']);
    expect(bom.components.filter((c) => c['type'] === 'data').map((c) => c['name'])).toEqual(['tatsu-lab/alpaca']);
  });
});
