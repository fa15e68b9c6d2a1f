// The repositories the local Hub serves in tests and in the bench: each case of issue 14 is one entry.
import { createRequire } from 'node:module';
import { safetensorsFile } from './hub-server.mjs';

// Reference texts from the spdx-license-list npm package, read at run time, never copied into the repository.
const texts = createRequire(import.meta.url)('spdx-license-list/full');
export const APACHE = texts['Apache-2.0'].licenseText;
export const MIT = texts['MIT'].licenseText;

const sha = (c) => c.repeat(40);
const GB = 1024 ** 3;

const card = (front, body = '# Model\n\nA model.\n') => `---\n${front}\n---\n${body}`;

/** Four shards of 4 GiB of virtual tensor data each, with an index: a Hub check must read only their headers. */
export function shardedFiles(license = 'apache-2.0') {
  const names = [1, 2, 3, 4].map((i) => `model-0000${i}-of-00004.safetensors`);
  const index = JSON.stringify({ metadata: { total_size: 4 * 4 * GB }, weight_map: Object.fromEntries(names.map((n, i) => [`layer.${i}.w`, n])) });
  return {
    'config.json': JSON.stringify({ architectures: ['ToyForCausalLM'], model_type: 'toy', hidden_size: 64, num_hidden_layers: 2, vocab_size: 256 }),
    'model.safetensors.index.json': index,
    ...Object.fromEntries(names.map((n) => [n, safetensorsFile({ format: 'pt', license }, 4 * GB)])),
  };
}

export function hubWorld() {
  return {
    models: {
      'acme/open-sharded': {
        sha: sha('a'), xet: ['model-00004-of-00004.safetensors'],
        files: { 'README.md': card('license: apache-2.0\nlibrary_name: transformers'), LICENSE: APACHE, ...shardedFiles() },
      },
      'acme/llama-tune': {
        sha: sha('b'),
        files: { 'README.md': card('license: apache-2.0\nbase_model: acme/llama-instruct'), LICENSE: APACHE, ...shardedFiles() },
      },
      'acme/llama-instruct': { sha: sha('c'), files: { 'README.md': card('license: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B') } },
      'meta-llama/Meta-Llama-3-8B': { sha: sha('d'), gated: 'manual', files: { 'README.md': card('license: llama3\nextra_gated_prompt: "You agree to the Meta Llama 3 Community License"') } },
      'acme/unlisted-base-tune': {
        sha: sha('e'),
        files: { 'README.md': card('license: apache-2.0\nbase_model: acme/apache-base'), LICENSE: APACHE, ...shardedFiles() },
      },
      'acme/apache-base': { sha: sha('f'), files: { 'README.md': card('license: apache-2.0\nbase_model: acme/cycle-a') } },
      'acme/cycle-a': { sha: sha('1'), files: { 'README.md': card('license: mit\nbase_model: acme/cycle-b') } },
      'acme/cycle-b': { sha: sha('2'), files: { 'README.md': card('license: mit\nbase_model: acme/cycle-a') } },
      'acme/gated-auto': {
        sha: sha('3'), gated: 'auto', accepted: ['hf_accepted'],
        files: { 'README.md': card('license: apache-2.0'), LICENSE: APACHE, ...shardedFiles() },
      },
      'acme/nc-data-model': {
        sha: sha('4'),
        files: { 'README.md': card('license: apache-2.0\ndatasets:\n  - acme/nc-corpus'), LICENSE: APACHE, ...shardedFiles() },
      },
      'acme/code-linked': {
        sha: sha('5'),
        files: {
          'README.md': card('license: apache-2.0', '# Model\n\n## Training\n\nTraining code: https://github.com/acme/train-code\n'),
          LICENSE: APACHE, ...shardedFiles(),
        },
      },
      // The card says the repository is open; the Hub gates it by manual approval: the Hub governs.
      'acme/card-says-open': {
        sha: sha('8'), gated: 'manual', accepted: ['hf_accepted'],
        files: { 'README.md': card('license: apache-2.0\ngated: false'), LICENSE: APACHE, ...shardedFiles() },
      },
      'acme/private-model': { sha: sha('6'), private: true, accepted: ['hf_owner'], files: { 'README.md': card('license: mit') } },
    },
    datasets: {
      'acme/nc-corpus': { sha: sha('7'), files: { 'README.md': card('license: cc-by-nc-4.0\npretty_name: NC corpus') } },
    },
    github: { 'acme/train-code': { path: 'LICENSE', text: MIT } },
    throttle: 0,
  };
}
