// Open-washing variants: ways real publishers add restrictions to a release that otherwise passes. Each variant takes
// a passing fixture's files (path → text) and returns the files to write over them. Used by test/open-wash.test.ts
// (no variant may pass) and by bench/open-wash.mjs (how many pass with a given build of osai).

import { createRequire } from 'node:module';

const card = (files) => files['README.md'] ?? '';
const body = (files, extra) => ({ 'README.md': `${card(files).replace(/\s*$/, '\n')}\n${extra}\n` });
const front = (files, extra) => ({ 'README.md': card(files).replace(/^---\n/, `---\n${extra}`) });
/** An SPDX text (from the spdx-license-list package) with one change, as the LICENSE, and the card naming that license. */
const spdx = createRequire(import.meta.url)('spdx-license-list/full');
const changed = (files, id, from, to) => {
  const text = spdx[id].licenseText;
  if (!text.includes(from)) throw new Error(`open-wash variant: ${id} has no "${from}"`);
  return { LICENSE: text.replace(from, to), 'README.md': card(files).replace(/^license:.*$/m, `license: ${id.toLowerCase()}`) };
};
const json = (files, name, add) => ({ [name]: JSON.stringify({ ...(files[name] ? JSON.parse(files[name]) : {}), ...add }, null, 2) });

/**
 * A value `{ copy: path }` stands for the bytes of another file of the fixture (weights copied into a sub-folder).
 * @type {[string, (files: Record<string, string>) => Record<string, string | { copy: string }>][]}
 */
export const VARIANTS = [
  // One or two words of a license text changed (issue 17): a substitution, a cut, words in brackets.
  ['license-isc-purpose-substituted', (f) => changed(f, 'ISC', 'for any purpose', 'for evaluation purposes')],
  ['license-isc-grantee-narrowed', (f) => changed(f, 'ISC', 'for any purpose', 'for any purpose by individuals')],
  ['license-isc-fee-required', (f) => changed(f, 'ISC', 'with or without fee', 'with fee')],
  ['license-isc-braced-rider', (f) => changed(f, 'ISC', 'for any purpose', 'for any purpose {except commercial use}')],
  ['license-mit-student', (f) => changed(f, 'MIT', 'to any person obtaining', 'to any student obtaining')],
  ['license-mit-restriction-cut', (f) => changed(f, 'MIT', 'without restriction, including', 'including')],
  ['license-apache-revocable', (f) => changed(f, 'Apache-2.0', 'perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable copyright', 'worldwide, non-exclusive, no-charge, royalty-free copyright')],
  ['license-apache-exclusive', (f) => changed(f, 'Apache-2.0', 'non-exclusive, no-charge, royalty-free, irrevocable copyright', 'exclusive, no-charge, royalty-free, irrevocable copyright')],
  ['usage-md-research-only', () => ({ 'USAGE.md': '# Usage\n\nThe weights are provided for non-commercial research only.\n' })],
  ['terms-file-spaced-name', () => ({ 'Model Terms.txt': 'You may use these weights for academic purposes only.\n' })],
  ['acceptable-use-in-docs', () => ({ 'docs/acceptable-use.md': '# Acceptable use\n\nYou must not use the model to develop competing models.\n' })],
  ['terms-pdf', () => ({ 'TERMS.pdf': '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n\u0000\u0001 obj\n' })],
  ['eula-no-extension', () => ({ EULA: 'Redistribution of the weights is not permitted.\n' })],
  ['card-table-commercial-no', (f) => body(f, '| Commercial use | No |\n|---|---|\n')],
  ['card-table-row-no', (f) => body(f, '## Terms\n\n| Term | Allowed |\n|---|---|\n| Redistribution | ❌ |\n')],
  ['card-table-column-contact', (f) => body(f, '| Variant | Commercial use |\n|---|---|\n| base | Contact sales |\n')],
  ['card-prose-noncommercial', (f) => body(f, 'The model may be used for non-commercial purposes.')],
  ['card-prose-wrapped', (f) => body(f, 'These weights are released for research\npurposes only.')],
  ['card-setext-terms', (f) => body(f, 'Usage notes\n===========\n\nCommercial use requires a separate license from us.')],
  ['card-html-heading', (f) => body(f, '<h2>Availability</h2>\n<p>Use of the model is subject to the Acme Model License.</p>')],
  ['card-bold-heading', (f) => body(f, '**Restrictions**\n\nYou may not redistribute the weights without our prior written permission.')],
  ['card-contraction', (f) => body(f, "Please don't use this model commercially.")],
  ['card-no-improving-others', (f) => body(f, 'You may not use the outputs to improve any other large language model.')],
  ['card-cc-by-nc-mention', (f) => body(f, 'The weights are released under CC BY-NC 4.0.')],
  ['card-list-item', (f) => body(f, '## Notes\n\n- Weights: for academic use only\n- Code: see LICENSE')],
  ['front-matter-capitalised-license', (f) => ({ 'README.md': card(f).replace(/^license:.*$/m, 'License: cc-by-nc-4.0') })],
  ['license-name-rider', (f) => front(f, 'license_name: llama3\n')],
  ['gate-prompt-noncommercial', (f) => front(f, 'gated: auto\nextra_gated_prompt: "Access is granted for non-commercial research."\n')],
  ['gate-field-label', (f) => front(f, 'gated: auto\nextra_gated_fields:\n  I will only use this for research purposes: checkbox\n')],
  ['gate-purpose-select', (f) => front(f, 'gated: auto\nextra_gated_fields:\n  Intended use:\n    type: select\n    options: [Research, Commercial]\n')],
  ['config-license-nc', (f) => json(f, 'config.json', { license: 'cc-by-nc-4.0' })],
  ['config-terms-key', (f) => json(f, 'config.json', { terms_of_use: 'Research use only.' })],
  ['generation-config-license-number', (f) => json(f, 'generation_config.json', { license: 7 })],
  ['subfolder-card-nc', () => ({ 'int8/README.md': '---\nlicense: cc-by-nc-4.0\nbase_model: acme/tiny\n---\n\n# int8\n', 'int8/model.safetensors': { copy: 'model.safetensors' } })],
  ['docs-readme-restriction', () => ({ 'docs/README.md': '# Notes\n\nCommercial use of these weights is prohibited.\n' })],
  ['weights-folder-readme-restriction', () => ({ 'weights/README.md': '# Weights\n\nYou may not use the model weights for commercial purposes.\n', 'weights/model.safetensors': { copy: 'model.safetensors' } })],
  ['docs-page-research-only', () => ({ 'docs/guide/serving.rst': 'Serving\n=======\n\nThe checkpoints are for academic use only.\n' })],
  ['front-matter-comment-nc', (f) => front(f, '# the weights: non-commercial use only\n')],
  ['docs-html-research-only', () => ({ 'docs/index.html': '<html><body><p>For research purposes only.</p></body></html>\n' })],
  ['docs-faq-no-redistribution', () => ({ 'docs/FAQ.md': '# FAQ\n\nCan I pass it on? Redistribution is not permitted.\n' })],
  ['notes-txt-approval', () => ({ 'NOTES.txt': 'Redistributing the weights requires our prior written consent.\n' })],
  // Raw newlines inside the JSON strings: not a valid notebook, read as plain text.
  ['notebook-broken-json-research-only', () => ({ 'examples/quickstart.ipynb': '{"cells":[{"cell_type":"markdown","metadata":{},"source":["# Quickstart\n","\n","These weights are for research purposes only."]}],"metadata":{},"nbformat":4,"nbformat_minor":5}\n' })],
  ['notebook-markdown-research-only', () => ({ 'examples/quickstart.ipynb': JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: ['# Quickstart\n', '\n', 'These weights are for research purposes only.'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }) })],
  ['docs-limited-to-non-profit', () => ({ 'docs/usage.md': '# Usage\n\nUse of the weights is limited to non-profit organisations.\n' })],
  ['notebook-raw-cell-approval', () => ({ 'notebooks/demo.ipynb': JSON.stringify({ cells: [{ cell_type: 'raw', metadata: {}, source: 'Redistributing these weights requires our prior written approval.' }], metadata: {}, nbformat: 4, nbformat_minor: 5 }) })],
  ['notebook-self-purpose-and-research', () => ({ 'demo.ipynb': JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: 'This notebook is for demonstration purposes only and for research only.' }], metadata: {}, nbformat: 4, nbformat_minor: 5 }) })],
  ['config-yaml-comment-research-only', () => ({ 'generation.yaml': 'temperature: 0.7\n# These weights may be used for non-commercial research only.\n' })],
  ['toml-trailing-comment-approval', () => ({ 'configs/serve.toml': 'port = 8080  # redistributing the weights requires our prior written approval\n' })],
  ['python-header-academic-only', () => ({ 'scripts/export.py': '# Copyright 2024 Acme.\n# The released checkpoints are for academic use only.\nimport sys\n' })],
  ['python-docstring-noncommercial', () => ({ 'serve.py': '"""Serving entry point.\n\nThe model may not be used for commercial purposes.\n"""\n' })],
  ['cuda-block-comment-nc-license', () => ({ 'kernels/attn.cu': '/*\n * This file is licensed under CC BY-NC 4.0.\n */\n__global__ void k() {}\n' })],
  ['notebook-code-cell-comment', () => ({ 'demo.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['# Weights: non-commercial use only\n', 'import torch\n'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }) })],
  ['shell-comment-internal-weights', () => ({ 'run.sh': '#!/bin/sh\n# These weights are for internal use only.\npython inference.py\n' })],
  ['gin-comment-research-only', () => ({ 'configs/t5.gin': 'train.batch_size = 8\n# These weights may be used for research purposes only.\n' })],
  ['xml-comment-noncommercial', () => ({ 'model.xml': '<!-- These weights are for non-commercial use only. -->\n<config/>\n' })],
  ['yaml-config-license-nc', () => ({ 'model_config.yaml': 'hidden_size: 64\nlicense: cc-by-nc-4.0\n' })],
  ['toml-config-license-nc', () => ({ 'model.toml': '[model]\nlicense = "cc-by-nc-4.0"\n' })],
  ['yaml-usage-research-only', () => ({ 'params.yaml': 'hidden: 64\nusage: research_only\n' })],
  ['json-config-comment-key', () => ({ 'generation_config.json': JSON.stringify({ temperature: 0.7, _comment: 'These weights are for non-commercial use only.' }) })],
  ['card-chinese-research-only', (files) => body(files, '本模型仅供学术研究使用，禁止商业用途。')],
  ['card-german-noncommercial', (files) => body(files, 'Die Gewichte dürfen nur für nicht-kommerzielle Zwecke verwendet werden.')],
  ['card-japanese-research-only', (files) => body(files, '本モデルは研究目的のみで使用できます。')],
  ['card-russian-research-only', (files) => body(files, 'Модель предназначена только для исследовательских целей.')],
  ['docs-adoc-noncommercial', () => ({ 'docs/notes.adoc': '= Notes\n\nThe weights are for non-commercial use only.\n' })],
  ['bare-name-file-research-only', () => ({ READ_THIS_FIRST: 'The weights are for research use only.\n' })],
  ['json-model-info-license-nc', () => ({ 'model_info.json': JSON.stringify({ name: 'tiny', license: 'cc-by-nc-4.0' }) })],
  ['json-metadata-usage-research-only', () => ({ 'metadata.json': JSON.stringify({ name: 'tiny', usage: 'research only' }) })],
  ['card-badge-nc-no-alt', (files) => body(files, '![](https://img.shields.io/badge/License-CC%20BY--NC%204.0-lightgrey.svg)')],
  ['card-link-to-by-nc-deed', (files) => body(files, 'See the [license](https://creativecommons.org/licenses/by-nc/4.0/).')],
  ['card-html-img-alt-research-only', (files) => body(files, '<img src="terms.png" alt="Weights: research use only">')],
  ['card-subject-to-addendum', (files) => body(files, 'Use of the weights is subject to the Acme Responsible AI Addendum.')],
  ['card-governed-by-rider', (files) => body(files, 'The weights are governed by the Acme Model Rider.')],
  ['card-accept-addendum', (files) => body(files, 'You must accept the Acme Addendum before using the weights.')],
  ['card-acceptance-of-addendum', (files) => body(files, 'Use of the weights requires acceptance of the Acme Addendum.')],
  ['card-conditioned-on-addendum', (files) => body(files, 'Use of the weights is conditioned on the Acme Addendum.')],
  ['card-follow-addendum', (files) => body(files, 'Users of the weights must follow the Acme Addendum.')],
  ['card-long-named-addendum', (files) => body(files, 'Use of the weights is subject to the Acme Labs Responsible Artificial Intelligence Use Addendum.')],
  ['card-in-accordance-with-addendum', (files) => body(files, 'Use of the weights must be in accordance with the Acme Addendum.')],
  ['card-known-license-plus-rider', (files) => body(files, 'Use of the weights is subject to the Apache 2.0 license and the Acme Rider.')],
  ['card-lookalike-apache-name', (files) => body(files, 'Use of the weights is subject to the Acme Apache 2.0 License.')],
  ['card-own-license-plus-policy', (files) => body(files, 'Use the model in accordance with the license and the Acme Use Policy.')],
  ['card-license-agreement-elsewhere', (files) => body(files, 'Use of the weights is subject to the license agreement at acme.com.')],
  ['yaml-comment-rider', () => ({ 'generation.yaml': '# Use of the weights is subject to the Acme Responsible AI Addendum.\nmax_new_tokens: 20\n' })],
  ['addendum-file-customers-only', () => ({ 'ADDENDUM.md': 'The weights may be used only by Acme customers.\n' })],
  ['rider-file-approved-products', () => ({ RIDER: 'You may use the weights only in products approved by Acme.\n' })],
  ['card-weights-released-under-custom', (files) => body(files, 'The weights are released under the Acme Model License.')],
  ['card-weights-available-under-custom', (files) => body(files, 'The model weights are made publicly available under the Acme Model License.')],
  ['card-weights-which-are-under-custom', (files) => body(files, 'The weights, which are distributed under the Acme Model License, are on the Hub.')],
  ['card-weights-released-under-llama', (files) => body(files, 'The weights are released under the Llama 2 Community License.')],
  ['card-weights-open-license-parenthesised-nc', (files) => body(files, 'The weights are released under an open license (CC BY-NC 4.0).')],
  ['card-license-section-custom-name', (files) => body(files, '## License\n\nThe weights are released under the Acme Model License.')],
  ['card-list-item-named-license', (files) => body(files, '- Weights license: Acme Model License')],
  ['card-rider-applies', (files) => body(files, 'The Acme Rider applies to the weights.')],
  ['card-sign-agreement-caps', (files) => body(files, 'Before using the weights, read and sign the ACME USER AGREEMENT.')],
  ['card-on-the-terms-of', (files) => body(files, 'Acme licenses the weights to you on the terms of the Acme Rider.')],
  ['card-known-restrictive-terms-apply', (files) => body(files, 'Gemma Terms of Use apply to the weights.')],
  ['card-additional-terms-apply', (files) => body(files, 'Additional terms apply to the weights: see ADDENDUM.md.')],
  ['card-conditions-on-use', (files) => body(files, 'See ADDENDUM.md for conditions on use of the weights.')],
  ['card-customers-only', (files) => body(files, 'The weights are licensed to Acme customers only.')],
  ['card-only-customers-download', (files) => body(files, 'Only Acme customers may download the weights.')],
  ['card-separate-license', (files) => body(files, 'A separate license covers the weights.')],
  ['card-license-does-not-apply', (files) => body(files, 'The Apache license does not apply to the weights.')],
  ['card-weights-proprietary', (files) => body(files, 'The weights are proprietary.')],
  ['json-model-info-base-model', () => ({ 'model_info.json': JSON.stringify({ name: 'tiny', base_model: 'acme-labs/private-foundation-7b' }) })],
  ['yaml-config-base-model', () => ({ 'model_config.yaml': 'hidden: 64\nbase_model: acme-labs/private-foundation-7b\n' })],
  ['yaml-nested-pretrained-llama', () => ({ 'train_config.yaml': 'model:\n  pretrained_model_name_or_path: meta-llama/Llama-2-7b-hf\n' })],
  ['toml-parent-model-camel', () => ({ 'params.toml': '[model]\nparentModel = "acme-labs/private-foundation-7b"\n' })],
  ['pyproject-license-file-unread', () => ({ 'pyproject.toml': '[project]\nname = "tiny"\nlicense = { file = "legal/TERMS-v2.txt" }\n' })],
];
