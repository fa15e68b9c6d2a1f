// Table tests for lineage: which rules row rates a base, and where a model names its bases.
import { describe, expect, test } from 'vitest';
import { findBaseModel } from '../src/identify/lineage/base-match.js';
import { basesFromCardBody, basesFromConfigs, basesFromHeaders } from '../src/identify/lineage/base-sources.js';
import { identifyLineage } from '../src/identify/lineage/lineage.js';
import type { CardDocument } from '../src/model.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';

const rules = await loadRuleSet();
const row = (pattern: string, license: string) => ({ pattern, license, family: pattern, source: 'https://example.com' });

describe('findBaseModel', () => {
  test('the most specific pattern wins, wherever it stands in the file', () => {
    const rows = [row('acme/fam-*', 'Apache-2.0'), row('acme/fam-3B*', 'LicenseRef-research'), row('acme/*', 'LicenseRef-unlisted')];
    expect(findBaseModel('acme/fam-3B-Instruct', rows)?.license).toBe('LicenseRef-research');
    expect(findBaseModel('acme/fam-7B', rows)?.license).toBe('Apache-2.0');
    expect(findBaseModel('acme/other', rows)?.license).toBe('LicenseRef-unlisted');
    expect(findBaseModel('other/fam-7B', rows)).toBeUndefined();
  });

  test.each([
    ['Meta-Llama-3-8B', 'LicenseRef-llama-3-community'],
    ['llama-3.1-8b-instruct', 'LicenseRef-llama-3.1-community'],
    ['gemma-2-9b', 'LicenseRef-gemma-terms'],
    ['meta-llama/Meta-Llama-3-8B', 'LicenseRef-llama-3-community'],
    ['tiiuae/falcon-180B-chat', 'LicenseRef-tii-falcon-180b'],
    ['tiiuae/falcon-7b-instruct', 'Apache-2.0'],
    // A bare name matches a family, never an organisation's catch-all.
    ['my-model', undefined],
    ['Llama', undefined],
  ])('%s → %s', (id, license) => {
    expect(findBaseModel(id, rules.baseModels)?.license).toBe(license);
  });
});

const card = (body: string, metadata: Record<string, unknown> = {}): CardDocument => ({ file: 'README.md', metadata, lines: {}, body, bodyLine: 5 });

describe('where bases are named', () => {
  test.each([
    ['This model is fine-tuned from [Llama 3](https://huggingface.co/meta-llama/Meta-Llama-3-8B).', ['meta-llama/Meta-Llama-3-8B']],
    ['A quantized version of `mistralai/Mistral-7B-v0.1`.', ['mistralai/Mistral-7B-v0.1']],
    ['Fine-tuned from https://hf.co/google/gemma-2-9b on chat data.', ['google/gemma-2-9b']],
    // Not a base: a dataset, a Space, prose, an unquoted slash.
    ['Fine-tuned on https://huggingface.co/datasets/tatsu-lab/alpaca.', []],
    ['Trained from https://huggingface.co/spaces/acme/demo.', []],
    ['Derived from and/or inspired by many models.', []],
    // A bare id: an owner and a name with a digit, dot, hyphen or underscore (a plain word binds only when known).
    ['This model is a fine-tuned version of meta-llama/Llama-3.2-3B-Instruct.', ['meta-llama/Llama-3.2-3B-Instruct']],
    ['finetuned from skt/kogpt2-base-v2 on Korean text', ['skt/kogpt2-base-v2']],
    ['Derived from 1/10 of the corpus and a fine-tune of 80/20 splits.', []],
    ['A fine-tune of meta-llama/Llama-2-7b-hf/tree/main (a path, not an id).', []],
    // Code is adapted or derived from repositories too: only the words of weights bind an unknown bare id.
    ['Our training code was adapted from EleutherAI/gpt-neox.', []],
    ['The data pipeline is derived from huggingface/pytorch-image-models.', []],
    ['Fine-tuned from Meta Llama 3 8B.', []],
  ])('%s', (body, bases) => {
    // What binds whatever the rules know (a plain-word pair is a candidate only when the rules rate it).
    expect(basesFromCardBody(card(body)).filter((b) => !b.knownOnly).map((b) => b.base)).toEqual(bases);
  });

  test('adapter_config.json binds its base; config.json only a base the rules rate; local paths name nothing', () => {
    const out = basesFromConfigs([
      { file: 'adapter_config.json', text: '{"base_model_name_or_path": "acme/base-7b"}' },
      { file: 'config.json', text: '{"_name_or_path": "/home/me/out/checkpoint-9"}' },
      { file: 'sub/config.json', text: '{"_name_or_path": "meta-llama/Meta-Llama-3-8B"}' },
      { file: 'bad/config.json', text: '{not json' },
    ]);
    expect(out.map((b) => [b.file, b.base, b.relation, Boolean(b.knownOnly)])).toEqual([
      ['adapter_config.json', 'acme/base-7b', 'adapter', false], ['sub/config.json', 'meta-llama/Meta-Llama-3-8B', 'derivative', true],
    ]);
  });

  test('GGUF names bind only when the rules know them; base_model keys always bind', () => {
    const headers = [{ file: 'm.gguf', format: 'gguf' as const, license: [], baseModels: [{ name: 'Mystery 7B', organization: 'Acme' }], names: ['Meta Llama 3 8B Instruct', 'My-Own-Model'] }];
    expect(basesFromHeaders(headers).map((b) => b.base)).toEqual(['Acme/Mystery-7B', 'Meta-Llama-3-8B-Instruct', 'My-Own-Model']);
    const { links } = identifyLineage(undefined, headers, rules);
    expect(links.map((l) => [l.base, l.license])).toEqual([['Acme/Mystery-7B', undefined], ['Meta-Llama-3-8B-Instruct', 'LicenseRef-llama-3-community']]);
  });

  test('a declared base license fills a base the rules do not rate, and never overrides one they do', () => {
    const resolved = [
      { base: 'acme/base-7b', license: 'apache-2.0', file: '.osai.yml', line: 2, via: 'declaration' as const },
      { base: 'meta-llama/Meta-Llama-3-8B', license: 'MIT', file: '.osai.yml', line: 3, via: 'declaration' as const },
    ];
    const { links } = identifyLineage(card('', { base_model: ['acme/base-7b', 'meta-llama/Meta-Llama-3-8B'] }), [], rules, { resolved });
    expect(links.map((l) => [l.base, l.license, l.resolvedBy?.via])).toEqual([
      ['acme/base-7b', 'Apache-2.0', 'declaration'], ['meta-llama/Meta-Llama-3-8B', 'LicenseRef-llama-3-community', undefined],
    ]);
  });
});

describe('datasets bind', () => {
  const run = async (datasets: string[]) => {
    const { checkReader } = await import('../src/run.js');
    const { createMemoryReader } = await import('../src/read/reader.js');
    const card = `---\nlicense: apache-2.0\ndatasets:\n${datasets.map((d) => `  - ${d}`).join('\n')}\n---\n# x\n`;
    return (await checkReader(createMemoryReader({ 'README.md': card }), { profile: 'mof-class-1' })).components.find((c) => c.id === 'datasets')!;
  };
  test('a known restrictive dataset binds beside an unknown one; unknown ones leave the component unknown', async () => {
    expect(await run(['tatsu-lab/alpaca', 'acme/secret-data'])).toMatchObject({ license: 'CC-BY-NC-4.0 AND unknown', verdict: 'fail' });
    expect(await run(['allenai/dolma', 'acme/secret-data'])).toMatchObject({ license: 'ODC-By-1.0 AND unknown', verdict: 'unknown' });
    expect((await run(['allenai/dolma'])).license).toBe('ODC-By-1.0');
  });
});

describe('training-data headings', () => {
  test.each([
    ['Training Data', true], ['Training Datasets', true], ['Pretraining data', true], ['Pre-training Corpus', true],
    ['Fine-tuning Data', true], ['Data', true], ['Datasets', true], ['Data Sources', true], ['**Training data**', true],
    ['2.1 Training Data', true], ['Data Collection and Processing', true], ['SFT data', true], ['Training and evaluation data', true],
    // Not the training data.
    ['Evaluation Data', false], ['Benchmark datasets', false], ['Training Procedure', false], ['Results', false], ['Metadata', false],
  ])('%s → %s', async (heading, expected) => {
    const { isDataHeading } = await import('../src/identify/identify.js');
    expect(isDataHeading(heading)).toBe(expected);
  });
});
