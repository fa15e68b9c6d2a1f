// The reference rules (rules/scan-references.yaml) on single files: what each finds, and what it must not.
import { describe, expect, test } from 'vitest';
import { findReferences, meaningOf } from '../src/scan/find-references.js';
import { loadReferenceRules } from '../src/scan/reference-rules.js';

const rules = loadReferenceRules();
type Row = [file: string, text: string, found: { rule: string; line: number; value?: string; computed?: string; revision?: string }[]];

const TABLE: Row[] = [
  ['app.py', 'm = AutoModel.from_pretrained("org/name")', [{ rule: 'python-from-pretrained', line: 1, value: 'org/name' }]],
  ['app.py', 'm = AutoModel.from_pretrained(\n    "org/name",\n    revision="main",\n)', [{ rule: 'python-from-pretrained', line: 1, value: 'org/name', revision: 'main' }]],
  ['app.py', "m = AutoModel.from_pretrained(pretrained_model_name_or_path='org/name')", [{ rule: 'python-from-pretrained', line: 1, value: 'org/name' }]],
  ['app.py', 'm = AutoModel.from_pretrained("org/name", revision="v1.0")', [{ rule: 'python-from-pretrained', line: 1, value: 'org/name', revision: 'v1.0' }]],
  ['app.py', 'p = StableDiffusionPipeline.from_pretrained("org/sd", torch_dtype=t)', [{ rule: 'python-from-pretrained', line: 1, value: 'org/sd' }]],
  ['app.py', 'f = hf_hub_download(repo_id="org/gguf", filename="x.gguf")', [{ rule: 'python-hf-hub-download', line: 1, value: 'org/gguf' }]],
  ['app.py', 'f = hf_hub_download("org/gguf", "x.gguf")', [{ rule: 'python-hf-hub-download', line: 1, value: 'org/gguf' }]],
  ['app.py', 'd = snapshot_download(repo_id="org/snap")', [{ rule: 'python-snapshot-download', line: 1, value: 'org/snap' }]],
  ['app.py', 'c = pipeline("text-classification", model="org/cls")', [{ rule: 'python-pipeline-model', line: 1, value: 'org/cls' }]],
  ['app.py', 'c = pipeline("text-classification", "org/cls")', [{ rule: 'python-pipeline-model', line: 1, value: 'org/cls' }]],
  ['app.py', 'e = SentenceTransformer("all-MiniLM-L6-v2")', [{ rule: 'python-sentence-transformer', line: 1, value: 'all-MiniLM-L6-v2' }]],
  ['app.py', 'llm = LLM(model="org/served")', [{ rule: 'vllm-llm', line: 1, value: 'org/served' }]],
  // Computed at run time: reported with the expression, never dropped.
  ['app.py', 'm = AutoModel.from_pretrained(MODEL_ID)', [{ rule: 'python-from-pretrained', line: 1, computed: 'MODEL_ID' }]],
  ['app.py', 'm = AutoModel.from_pretrained(f"org/{size}")', [{ rule: 'python-from-pretrained', line: 1, computed: 'f"org/{size}"' }]],
  ['app.py', 'm = AutoModel.from_pretrained("org/" + size)', [{ rule: 'python-from-pretrained', line: 1, computed: '"org/" + size' }]],
  ['app.py', 'm = AutoModel.from_pretrained(**kwargs)', []],
  // Not a use: a comment, a string, a docstring, a pipeline that names no model, another language's file.
  ['app.py', '# m = AutoModel.from_pretrained("org/old")', []],
  ['app.py', 'print("call from_pretrained(\'org/in-string\') here")', []],
  ['app.py', '"""\nAutoModel.from_pretrained("org/doc")\n"""', []],
  ['app.py', 's = pipeline("summarization")', []],
  ['app.js', 'AutoModel.from_pretrained("org/name")', []],
  // A notebook: its code cells, at the notebook's own lines; a Markdown cell is not code.
  ['x.ipynb', JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['AutoModel.from_pretrained("org/md")'] }, { cell_type: 'code', source: ['import x\n', 'm = AutoModel.from_pretrained("org/nb")'] }] }, null, 1),
    [{ rule: 'python-from-pretrained', line: 13, value: 'org/nb' }]],
  ['x.ipynb', '{"cells": "not a list"}', []],
  ['x.ipynb', 'not json', []],
  // Ollama, llama.cpp, vLLM in Modelfiles and scripts.
  ['Modelfile', '# comment\nFROM llama3.1:8b\nPARAMETER x 1', [{ rule: 'ollama-modelfile-from', line: 2, value: 'llama3.1:8b' }]],
  ['Modelfile.local', 'from ./tiny.gguf', [{ rule: 'ollama-modelfile-from', line: 1, value: './tiny.gguf' }]],
  ['serve.sh', 'ollama pull mistral && ollama run "hf.co/org/x:Q4"', [{ rule: 'ollama-pull-run', line: 1, value: 'mistral' }, { rule: 'ollama-pull-run', line: 1, value: 'hf.co/org/x:Q4' }]],
  ['serve.sh', '  # ollama pull old-model', []],
  ['serve.sh', 'llama-server -hf org/x-GGUF:Q4_K_M --port 8080', [{ rule: 'llama-cpp-hf', line: 1, value: 'org/x-GGUF' }]],
  ['serve.sh', 'llama-cli --hf-repo org/x-GGUF -p hi', [{ rule: 'llama-cpp-hf', line: 1, value: 'org/x-GGUF' }]],
  ['serve.sh', 'vllm serve org/served --tensor-parallel-size 2', [{ rule: 'vllm-serve', line: 1, value: 'org/served' }]],
  ['serve.sh', 'vllm serve "$MODEL"', [{ rule: 'vllm-serve', line: 1, computed: '$MODEL' }]],
  ['serve.sh', 'vllm serve --help', []],
  ['Dockerfile', 'CMD python -m vllm.entrypoints.openai.api_server --model org/api --port 8000', [{ rule: 'vllm-model-flag', line: 1, value: 'org/api' }]],
  ['k8s.yaml', '        args: ["vllm", "serve", "--model", "org/k8s"]', [{ rule: 'vllm-model-flag', line: 1, value: 'org/k8s' }]],
  ['train.sh', 'python train.py --model org/not-vllm', []],
  ['get.sh', 'wget https://huggingface.co/org/x-GGUF/resolve/main/x.gguf', [{ rule: 'hub-file-url', line: 1, value: 'org/x-GGUF' }]],
  ['get.sh', 'wget https://huggingface.co/datasets/org/corpus/resolve/main/x.parquet', []],
];

describe('reference rules', () => {
  test.each(TABLE)('%s: %j', (file, text, expected) => {
    const found = findReferences(file, text, rules).map((f) => ({ rule: f.rule.id, line: f.line, ...(f.value !== undefined ? { value: f.value } : {}), ...(f.computed !== undefined ? { computed: f.computed } : {}), ...(f.revision ? { revision: f.revision } : {}) }));
    expect(found).toEqual(expected);
  });
});

describe('what a model word names', () => {
  const rule = (id: string) => rules.references.find((r) => r.id === id)!;
  test.each([
    ['org/name', 'python-from-pretrained', { kind: 'hub', repo: 'org/name' }],
    ['https://huggingface.co/org/name', 'python-from-pretrained', { kind: 'hub', repo: 'org/name' }],
    ['all-MiniLM-L6-v2', 'python-sentence-transformer', { kind: 'hub', repo: 'sentence-transformers/all-MiniLM-L6-v2' }],
    ['./models/local', 'python-from-pretrained', { kind: 'path', path: './models/local' }],
    ['hf.co/org/x-GGUF:Q4_K_M', 'ollama-modelfile-from', { kind: 'hub', repo: 'org/x-GGUF' }],
    ['./tiny.gguf', 'ollama-modelfile-from', { kind: 'path', path: './tiny.gguf' }],
  ] as const)('%s (%s)', (word, id, meaning) => {
    expect(meaningOf(word, rule(id))).toEqual(meaning);
  });
  test.each([
    ['gpt2', 'python-from-pretrained', 'unresolved:gpt2'],
    ['llama3.1:8b', 'ollama-modelfile-from', 'ollama:llama3.1:8b'],
    ['mistral', 'ollama-pull-run', 'ollama:mistral'],
  ] as const)('%s (%s) is unresolved, with how to settle it', (word, id, target) => {
    const meaning = meaningOf(word, rule(id));
    expect(meaning).toMatchObject({ kind: 'unresolved', id: target });
    expect((meaning as { hint: string }).hint).toMatch(/\w/);
  });
});

test('a bad rules file names the file and the YAML path', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'osai-refrules-'));
  const file = join(dir, 'scan-references.yaml');
  writeFileSync(file, 'references:\n  - id: x\n    description: y\n    files: ["*.py"]\n    pattern: "("\n    read: word\n    namespace: hub\nweights: ["*.gguf"]\n');
  expect(() => loadReferenceRules(file)).toThrow(/scan-references\.yaml: references\.0\.pattern/);
  writeFileSync(file, 'references:\n  - id: x\n    description: y\n    files: ["*.py"]\n    pattern: "x"\n    read: call\n    namespace: hub\n    typo: 1\nweights: ["*.gguf"]\n');
  expect(() => loadReferenceRules(file)).toThrow(/scan-references\.yaml: references\[0\]: /);
});

test('a hostile file costs a bounded number of references and no quadratic match', () => {
  const line = `${'llama-cli '.repeat(20_000)}\n`;
  const calls = 'AutoModel.from_pretrained("org/x")\n'.repeat(5000);
  expect(findReferences('serve.sh', line, rules)).toEqual([]);
  expect(findReferences('app.py', calls, rules).length).toBe(1000);
});
