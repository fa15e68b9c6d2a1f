// Table tests for the evidence readers: file classification, code links, stated licenses, hub ids and the rules tables.
import { describe, expect, test } from 'vitest';
import { classifyPath } from '../src/discover/classify.js';
import { discoverFiles } from '../src/discover/discover.js';
import { codeLinkComponents } from '../src/identify/components/components.js';
import { identify } from '../src/identify/identify.js';
import { hubId, matchesPattern } from '../src/identify/lineage/lineage.js';
import { statedLicense } from '../src/identify/card/stated-license.js';
import type { Documents } from '../src/model.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import { loadMarkdownParser } from '../src/identify/card/markdown.js';

// identify() reads card bodies with the Markdown parser, which the pipeline loads before it (run.ts).
await loadMarkdownParser();

const rules = await loadRuleSet();

describe('classifyPath', () => {
  test.each([
    ['model.safetensors', 'weights', undefined],
    ['pytorch_model.bin', 'weights', undefined],
    ['model-Q4_K_M.gguf', 'weights', undefined],
    ['model.safetensors.index.json', 'weights', 'weights-index'],
    ['checkpoints/step1000/model.safetensors', 'weights', 'checkpoint'],
    ['adapter_model.safetensors', 'weights', undefined],
    // Negative cases: not weights although the extension says so.
    ['tests/fixtures/tiny.bin', 'other', undefined],
    ['test/model.bin', 'other', undefined],
    ['tokenizer.bin', 'code', 'tokenizer'],
    ['vocab.bin', 'other', undefined],
    ['training_args.bin', 'config', 'training-metadata'],
    ['optimizer.pt', 'config', 'training-metadata'],
    ['data/train.bin', 'data', undefined],
    // Code by role.
    ['train.py', 'code', 'training'],
    ['scripts/finetune_lora.py', 'code', 'training'],
    ['inference.py', 'code', 'inference'],
    ['eval/run_benchmarks.py', 'code', 'evaluation'],
    ['preprocess.py', 'code', 'preprocessing'],
    ['modeling_tiny.py', 'code', 'architecture'],
    ['tokenization_tiny.py', 'code', 'tokenizer'],
    ['tokenizer.json', 'code', 'tokenizer'],
    ['requirements.txt', 'code', 'manifest'],
    ['config.json', 'config', 'architecture'],
    // Documents.
    ['DATA_CARD.md', 'docs', 'data-card'],
    ['data/README.md', 'dataset-card', undefined],
    ['paper.pdf', 'docs', 'paper'],
    ['technical_report.pdf', 'docs', 'technical-report'],
    ['eval_results.json', 'docs', 'evaluation-results'],
    ['samples.jsonl', 'docs', 'sample-outputs'],
    ['LICENSE-MODEL', 'license', undefined],
    ['USE_POLICY.md', 'license', 'use-policy'],
    ['TERMS_OF_USE.md', 'license', 'use-policy'],
    ['EULA.txt', 'license', 'use-policy'],
    ['MODEL_AGREEMENT.md', 'license', 'use-policy'],
    ['LLAMA_USE_POLICY.md', 'license', 'use-policy'],
    ['terms.py', 'code', undefined],
    ['contributor_agreement.md', 'docs', undefined],
    ['docs/README.md', 'docs', undefined],
    // Terms files by name (rules/terms-files.yaml): any case, separator, extension or folder.
    ['USAGE.md', 'license', 'notice'],
    ['USE_POLICY', 'license', 'use-policy'],
    ['docs/acceptable-use.md', 'license', 'use-policy'],
    ['Model Agreement.pdf', 'license', 'use-policy'],
    ['legal/TermsOfUse', 'license', 'use-policy'],
    ['LLAMA3LICENSE.txt', 'license', undefined],
    ['COPYING.LESSER', 'license', undefined],
    ['quantized/NOTICE.md', 'license', 'notice'],
    ['policy.py', 'code', undefined],
    ['policy_model.safetensors', 'weights', undefined],
    ['CLA.md', 'docs', undefined],
    // Riders and addenda to a license are terms of their own.
    ['ADDENDUM.md', 'license', 'use-policy'],
    ['RIDER', 'license', 'use-policy'],
    ['Supplemental Terms.pdf', 'license', 'use-policy'],
    ['legal/Model-Annex.txt', 'license', 'use-policy'],
    ['CONDITIONS.txt', 'license', 'use-policy'],
    ['AUP.md', 'license', 'use-policy'],
  ])('%s is %s (%s)', (path, role, topic) => {
    const got = classifyPath(path, rules.termsFiles);
    expect(got.role).toBe(role);
    expect(got.topic).toBe(topic);
  });
});

describe('codeLinkComponents', () => {
  const url = 'https://github.com/acme/model';
  test.each([
    ['Training code: URL', '', ['training-code']],
    ['We fine-tuned with URL', '', ['training-code']],
    ['URL', 'Training', ['training-code']],
    ['Inference and serving: URL', '', ['inference-code']],
    ['Evaluation harness: URL', '', ['evaluation-code']],
    ['Data preprocessing pipeline: URL', '', ['data-preprocessing-code']],
    ['Our tokenizer library: URL', '', ['supporting-libraries-and-tools']],
    ['URL', 'Code', ['training-code', 'inference-code']],
    ['See URL', 'Resources', ['training-code', 'inference-code']],
    // Negative cases: no code context at all.
    ['Follow us: URL', 'Contact', []],
    ['URL', 'Citation', []],
  ])('%s under "%s" → %j', (line, heading, components) => {
    expect(codeLinkComponents(url, line.replace('URL', url), heading).map((c) => c.component)).toEqual(components);
  });

  test('the repository name speaks when the line and section do not', () => {
    const eval_ = 'https://github.com/acme/lm-evaluation-harness';
    expect(codeLinkComponents(eval_, eval_, 'Links').map((c) => c.component)).toEqual(['evaluation-code']);
  });
});

describe('statedLicense', () => {
  test.each([
    ['Training code: https://github.com/a/b (Apache-2.0)', 'Apache-2.0'],
    ['Code (MIT license) at https://github.com/a/b', 'MIT'],
    ['The code is licensed under the Apache License 2.0.', 'Apache-2.0'],
    ['Paper: https://arxiv.org/abs/2402.00838 (CC-BY-4.0)', 'CC-BY-4.0'],
    ['License: mit', 'MIT'],
    // Negative cases.
    ['Training code: https://github.com/a/b', undefined],
    ['Code (coming soon)', undefined],
    ['(see https://github.com/a/b)', undefined],
  ])('%s → %s', (line, expected) => {
    expect(statedLicense(line, rules)).toBe(expected);
  });
});

describe('hub ids and patterns', () => {
  test.each([
    ['meta-llama/Meta-Llama-3-8B', 'model', 'meta-llama/Meta-Llama-3-8B'],
    ['https://huggingface.co/meta-llama/Meta-Llama-3-8B', 'model', 'meta-llama/Meta-Llama-3-8B'],
    ['https://huggingface.co/datasets/allenai/dolma', 'dataset', 'allenai/dolma'],
    ['https://huggingface.co/datasets/allenai/dolma', 'model', undefined],
    ['c4', 'dataset', 'c4'],
    ['not an id at all', 'model', undefined],
    ['https://example.com/x/y', 'model', undefined],
  ] as const)('%s as %s → %s', (value, kind, expected) => {
    expect(hubId(value, kind)).toBe(expected);
  });

  test.each([
    ['meta-llama/Meta-Llama-3-*', 'meta-llama/Meta-Llama-3-8B-Instruct', true],
    ['meta-llama/Meta-Llama-3-*', 'META-LLAMA/meta-llama-3-70b', true],
    ['meta-llama/Meta-Llama-3-*', 'meta-llama/Meta-Llama-3.1-8B', false],
    ['Qwen/Qwen2.5-*', 'Qwen/Qwen2-7B', false],
    ['c4', 'allenai/c4', false],
  ])('%s matches %s: %s', (pattern, id, expected) => {
    expect(matchesPattern(pattern, id)).toBe(expected);
  });

  const base = (id: string) => rules.baseModels.find((m) => matchesPattern(m.pattern, id))?.license;
  test.each([
    ['meta-llama/Meta-Llama-3-8B', 'LicenseRef-llama-3-community'],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'LicenseRef-llama-3.1-community'],
    ['meta-llama/Llama-2-7b-hf', 'LicenseRef-llama-2-community'],
    ['mistralai/Mistral-7B-v0.1', 'Apache-2.0'],
    ['google/gemma-2-9b', 'LicenseRef-gemma-terms'],
    ['Qwen/Qwen2.5-72B-Instruct', 'LicenseRef-qwen'],
    ['Qwen/Qwen2.5-7B', 'Apache-2.0'],
    ['EleutherAI/pythia-1b', 'Apache-2.0'],
    ['allenai/OLMo-7B', 'Apache-2.0'],
    ['deepseek-ai/DeepSeek-V3-0324', 'MIT'],
    ['deepseek-ai/DeepSeek-V3', 'LicenseRef-deepseek-1.0'],
    ['acme/unknown-model', undefined],
  ])('base model %s → %s', (id, license) => {
    expect(base(id)).toBe(license);
  });

  test('every base-model and dataset license is a rule id or an id the Hub table maps to', () => {
    const known = new Set([...rules.licenses.keys(), ...[...rules.hubIds.values()].map((h) => h.license)]);
    const unmapped = [...rules.baseModels, ...rules.datasets].map((r) => r.license).filter((id) => !known.has(id) && !id.startsWith('LicenseRef-'));
    expect(unmapped).toEqual([]);
  });
});

describe('access and sharded weights', () => {
  const docs = (metadata: Record<string, unknown>): Documents => ({
    card: { file: 'README.md', metadata, lines: {}, body: '', bodyLine: 1 }, docs: [], licenseTexts: [], weightsHeaders: [], hashes: [], problems: [],
  });
  const access = (metadata: Record<string, unknown>) => identify(discoverFiles([]), docs(metadata), rules).access;
  test.each([
    [{}, { gated: false, clickThrough: false, euDisallowed: false }],
    [{ gated: 'manual' }, { gated: 'manual', clickThrough: false }],
    [{ gated: true, extra_gated_fields: { Name: 'text', Company: 'text' } }, { gated: 'auto', extraTerms: true, clickThrough: false }],
    [{ gated: 'auto', extra_gated_prompt: 'You agree to the license agreement.' }, { clickThrough: true }],
    [{ gated: 'auto', extra_gated_fields: { 'I want updates': 'checkbox' } }, { clickThrough: true }],
    [{ gated: 'auto', extra_gated_fields: { 'Acceptable use policy': 'text' } }, { clickThrough: true }],
    [{ gated: 'auto', extra_gated_eu_disallowed: true }, { euDisallowed: true }],
  ])('%j → %j', (metadata, expected) => {
    expect(access(metadata)).toMatchObject(expected);
  });

  test('a sharded set is one evidence item named by its index file', () => {
    const files = discoverFiles([
      { path: 'model-00001-of-00003.safetensors', size: 4096 }, { path: 'model-00002-of-00003.safetensors', size: 4096 },
      { path: 'model-00003-of-00003.safetensors', size: 4096 }, { path: 'model.safetensors.index.json', size: 256 },
    ]);
    const evidence = identify(files, { docs: [], licenseTexts: [], weightsHeaders: [], hashes: [], problems: [] }, rules);
    expect(evidence.components.find((c) => c.id === 'model-parameters-final')?.evidence).toEqual([
      { file: 'model.safetensors.index.json', kind: 'file', detail: '3 shards of model.safetensors' },
    ]);
  });
});

describe('identifyHeaderLicenses', () => {
  const header = (license: { key: string; value: string }[]) => ({ file: 'm.gguf', format: 'gguf' as const, license, baseModels: [] });
  test.each([
    [[{ key: 'general.license', value: 'apache-2.0' }], 'Apache-2.0'],
    [[{ key: 'general.license', value: 'other' }, { key: 'general.license.name', value: 'mit' }], 'MIT'],
    [[{ key: 'general.license.link', value: 'https://example.com/LICENSE' }], undefined],
    [[{ key: 'general.license', value: 'other' }], 'unknown'],
    [[{ key: 'license', value: 'my own terms' }], 'unknown'],
  ])('%j → %s', async (keys, expected) => {
    const { identifyHeaderLicenses } = await import('../src/identify/metadata/weights-license.js');
    expect(identifyHeaderLicenses([header(keys)], rules)[0]?.expression).toBe(expected);
  });
});

describe('lineage binds wherever the weights live', () => {
  test('weights declared elsewhere as apache-2.0 still inherit the Llama 3 base license', async () => {
    const { checkReader } = await import('../src/run.js');
    const { createMemoryReader } = await import('../src/read/reader.js');
    const reader = createMemoryReader({ 'README.md': '---\nlicense: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B\n---\n# x\n' });
    const report = await checkReader(reader, { profile: 'open-weights' }, { declarations: [
      { component: 'model-parameters-final', location: 'https://example.com/weights', license: 'apache-2.0', file: '.osai.yml', line: 2 },
    ] });
    expect(report.profile.verdict).toBe('fail');
    expect(report.components.find((c) => c.id === 'model-parameters-final')).toMatchObject({ status: 'declared', license: 'LicenseRef-llama-3-community AND Apache-2.0' });
    expect(report.findings.map((f) => f.code)).toContain('license-lineage-conflict');
  });

  test('a base model osai does not know is unknown, and names it', async () => {
    const { checkReader } = await import('../src/run.js');
    const { createMemoryReader } = await import('../src/read/reader.js');
    const reader = createMemoryReader({ 'README.md': '---\nlicense: apache-2.0\nbase_model: [acme/a, acme/b]\n---\n# x\n', 'model.safetensors': new Uint8Array(0) });
    const report = await checkReader(reader, { profile: 'open-weights' });
    const unknownBase = report.findings.filter((f) => f.code === 'base-model-unknown');
    expect(unknownBase.map((f) => [f.args['base'], f.args['relation'], f.severity])).toEqual([['acme/a', 'merge', 'error'], ['acme/b', 'merge', 'error']]);
    expect(report.profile.verdict).not.toBe('pass');
    expect(report.findings.find((f) => f.code === 'weights-header-invalid')).toMatchObject({ file: 'model.safetensors', severity: 'warning' });
  });
});

describe('dataset links', () => {
  test('a dataset linked under Evaluation is evaluation data; under Training Data it is a training dataset', async () => {
    const { checkReader } = await import('../src/run.js');
    const { createMemoryReader } = await import('../src/read/reader.js');
    const body = '# m\n\n## Training Data\n\nhttps://huggingface.co/datasets/allenai/dolma\n\n## Evaluation\n\nScored on https://huggingface.co/datasets/cais/mmlu\n';
    const report = await checkReader(createMemoryReader({ 'README.md': `---\nlicense: apache-2.0\n---\n${body}` }));
    const byId = Object.fromEntries(report.components.map((c) => [c.id, c]));
    expect(byId['datasets']).toMatchObject({ status: 'referenced', license: 'ODC-By-1.0', evidence: [{ line: 8, kind: 'card-link', detail: 'allenai/dolma (ODC-By-1.0)' }] });
    expect(byId['evaluation-data']).toMatchObject({ status: 'referenced', license: 'MIT', evidence: [{ line: 12, kind: 'card-link', detail: 'https://huggingface.co/datasets/cais/mmlu' }] });
  });
});
