// A sentence binding the release to a document (rules/card-terms.yaml `bound`) and "The weights are released under
// X" statements: what osai reads from each, in both directions. `-` is no finding; `unknown` is terms osai cannot
// rate; an id is the license the sentence names for the release.
import { beforeAll, describe, expect, test } from 'vitest';
import { identifyCardTerms } from '../src/identify/card/body-terms.js';
import { loadMarkdownParser } from '../src/identify/card/markdown.js';
import { mayStateTerms } from '../src/identify/card/terms-sentences.js';
import { loadRuleSetFromYaml } from '../src/ruleset/load.js';

const rules = loadRuleSetFromYaml('rules');
beforeAll(async () => { await loadMarkdownParser(); });

const read = (sentence: string) => {
  const found = identifyCardTerms({ file: 'README.md', metadata: Object.create(null), lines: {}, body: sentence, bodyLine: 1 }, rules);
  return found.length ? found.map((f) => f.expression).join(',') : '-';
};
/** The reading, and the quick test never narrower than it. */
const check = (sentence: string, expected: string) => {
  expect(read(sentence)).toBe(expected);
  if (expected !== '-') expect(mayStateTerms(sentence, rules.cardTerms)).toBe(true);
};

describe('a sentence that binds the release to a document', () => {
  test.each<[string, string]>([
    // Riders and addenda osai does not know: unknown.
    ['Use of the weights is subject to the Acme Responsible AI Addendum.', 'unknown'],
    ['Use of the weights is subject to the Acme Labs Responsible Artificial Intelligence Use Addendum.', 'unknown'],
    ['The weights are governed by the Acme Model Rider.', 'unknown'],
    ['You must accept the Acme Addendum before using the weights.', 'unknown'],
    ['Use of the weights requires acceptance of the Acme Addendum.', 'unknown'],
    ['Use of the weights is conditioned on the Acme Addendum.', 'unknown'],
    ['Users of the weights must follow the Acme Addendum.', 'unknown'],
    ['Use of the weights must be in accordance with the Acme Addendum.', 'unknown'],
    ['Use of the weights must be in accordance with the Acme license agreement.', 'unknown'],
    ['Use of the weights is subject to the license agreement at acme.com.', 'unknown'],
    ['Use of the weights is subject to our license.', 'unknown'],
    ['Use of the model is subject to the requirements of the Acme program.', 'unknown'],
    // A known license with more: unknown.
    ['Use of the weights is subject to the Apache 2.0 license and the Acme Rider.', 'unknown'],
    ['Use of the weights is subject to the Apache 2.0 license, the Acme Rider.', 'unknown'],
    ['Use of the weights is subject to the Apache 2.0 license, which adds an acceptable use policy.', 'unknown'],
    ['Use the model in accordance with the license and the Acme Use Policy.', 'unknown'],
    // A name that only looks like a known license.
    ['Use of the weights is subject to the Acme Apache 2.0 License.', 'unknown'],
    // A known license named: that license.
    ['Use of the weights is subject to the Apache 2.0 license.', 'Apache-2.0'],
    ['Use of the weights is subject to the terms of the Apache License, Version 2.0.', 'Apache-2.0'],
    ['By using this model, you agree to the terms of the Apache 2.0 License.', 'Apache-2.0'],
    ['This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.', 'MPL-2.0'],
    ['You must comply with the terms of the Llama 2 Community License.', 'LicenseRef-llama-2-community'],
    // The release's own license, a license's own grant formula, and words that bind nothing.
    ['Use the model in accordance with the license.', '-'],
    ['Use of the weights is subject to the license.', '-'],
    ['Please cite the paper and follow the license terms.', '-'],
    ['Access requires accepting the license on the Hub.', '-'],
    ['The use of this model is subject to the terms outlined in the License section.', '-'],
    ['In accordance with the Apache License, modified files are marked.', '-'],
    ['Permission is hereby granted, free of charge, to any person obtaining a copy, subject to the following conditions:', '-'],
    ['We trained it following the policy gradient method of Schulman et al.', '-'],
    ['Please follow the guidelines below to fine-tune the model.', '-'],
    ['Results are subject to change without notice.', '-'],
    ['The model is subject to the limitations described below.', '-'],
  ])('%s → %s', check);
});

describe('"… released under X" said of the release', () => {
  test.each<[string, string]>([
    ['The weights are released under the Acme Model License.', 'unknown'],
    ['The weights are licensed under the Acme Model License.', 'unknown'],
    ['The model weights are made publicly available under the Acme Model License.', 'unknown'],
    ['The model weights, which are distributed under the Acme Model License, are on the Hub.', 'unknown'],
    ['The code and the weights are released under the Acme License.', 'unknown'],
    ['The weights are released under the Llama 2 Community License.', 'LicenseRef-llama-2-community'],
    ['The weights are released under the Apache License 2.0.', 'Apache-2.0'],
    ['These model weights are released under the MIT License, consistent with the project license.', 'MIT'],
    ['All weights are released under the MIT license (see ../LICENSE.md).', 'MIT'],
    ['This model is released under the [Apache License, Version 2.0](LICENSE).', 'Apache-2.0'],
    ['The weights are released under an open-source license (Apache 2.0).', 'Apache-2.0'],
    // The release's own license, or another work's.
    ['The weights are released under an open-source license.', '-'],
    ['The weights are released under the same license.', '-'],
    ['The model weights are released under the [LICENSE](LICENSE) terms.', '-'],
    ['The model is released under the name tiny-1b.', '-'],
    ['The dataset used to train the model is released under the Acme Data License.', '-'],
    ['This model was trained on the Pile, which is released under the MIT license.', '-'],
    ['Our implementation builds on two codebases, which are released under the MIT License.', '-'],
    ['The code is released under the MIT license.', '-'],
    // Two licenses offered together: both, as one expression.
    ['The weights are dual-licensed under the MIT License or the Apache License, Version 2.0.', 'MIT OR Apache-2.0'],
    ['The model is released under either the MIT or the Apache 2.0 license, at your option.', 'MIT OR Apache-2.0'],
    ['The weights are released under the MIT License or the Acme License.', 'unknown'],
    ['The weights are dual-licensed under the Apache License 2.0 and the MIT License.', 'Apache-2.0 OR MIT'],
    ['The weights are released under the Apache License 2.0 and the MIT License.', 'Apache-2.0 AND MIT'],
    // A document osai does not know beside a known license.
    ['The weights are released under the Apache License 2.0, with the Acme Rider.', 'unknown'],
    ['The weights are released under MIT or Apache 2.0 with the Acme Rider.', 'unknown'],
    ['The weights are released under the Apache License 2.0, consistent with the project license.', 'Apache-2.0'],
  ])('%s → %s', check);
});

describe('a pronoun stands for what the card last named, and for the release when nothing is named', () => {
  test.each<[string, string]>([
    ['It is released under the Acme Model License.', 'unknown'],
    ['They are released under the Acme Model License.', 'unknown'],
    ['This is released under the Acme Model License.', 'unknown'],
    ['A small model. It is released under the Llama 2 Community License.', 'LicenseRef-llama-2-community'],
    ['See DATA_CARD.md for the training data. It is released under the Acme Model License.', 'unknown'],
    ['## Evaluation\n\nIt is released under the Acme License.', 'unknown'],
    ['Like the base model, the weights are released under the Acme Model License.', 'unknown'],
    // Another work named first, by a heading or as the subject of the sentence before.
    ['The training data comes from C4. It is released under the Acme Data License.', '-'],
    ['## Training data\n\nWe trained on C4. It is released under the Acme Data License.', '-'],
    ['The dataset, like the model, is released under the Acme License.', '-'],
  ])('%s → %s', check);
});

describe('what is free, and who must license it', () => {
  test.each<[string, string]>([
    ['Free for personal use.', 'unknown'],
    ['Free for non-profit organisations.', 'unknown'],
    ['The weights are free of charge for research.', 'unknown'],
    ['Use in products with more than 1M users requires a license from Acme.', 'unknown'],
    ['Free for personal and commercial use.', '-'],
    ['Free for commercial use.', '-'],
    ['Free for personal, academic and commercial use.', '-'],
    ['Free for research, but commercial use requires a license from Acme.', 'unknown'],
    ['The weights are free to use, modify and share.', '-'],
  ])('%s → %s', check);
});

describe('the comments of a card\'s code blocks, read as a source file\'s', () => {
  test.each<[string, string]>([
    ['```python\n# Note: these weights may not be used commercially.\nimport acme\n```', 'unknown'],
    ['```bash\n# The weights are for research use only.\npip install acme\n```', 'unknown'],
    ['```yaml\n# Use of these weights is subject to the Acme Rider.\nmax_tokens: 20\n```', 'unknown'],
    ['```python\n# Load the model and run it on the test set.\nmodel = load()  # for testing purposes only\n```', '-'],
    ['```python\nprint("may not be used commercially")\n```', '-'],
  ])('%s → %s', (body, expected) => { expect(read(body)).toBe(expected); });
});

describe('a document named in Title Case, and terms beside the license', () => {
  test.each<[string, string]>([
    ['The weights come with the Acme Rider.', 'unknown'],
    ['The Acme Rider applies to the weights.', 'unknown'],
    ['Before using the weights, read and sign the ACME USER AGREEMENT.', 'unknown'],
    ['Weights license: Acme Model License', 'unknown'],
    ['Acme licenses the weights to you on the terms of the Acme Rider.', 'unknown'],
    ['Gemma Terms of Use apply to the weights.', 'LicenseRef-gemma-terms'],
    ['Additional terms apply to the weights: see ADDENDUM.md.', 'unknown'],
    ['See ADDENDUM.md for conditions on use of the weights.', 'unknown'],
    ['The weights are licensed to Acme customers only.', 'unknown'],
    ['Only Acme customers may download the weights.', 'unknown'],
    ['A separate license covers the weights.', 'unknown'],
    ['The Apache license does not apply to the weights.', 'unknown'],
    ['The weights are proprietary.', 'unknown'],
    ['The weights are released under a proprietary license.', 'unknown'],
    // Known, a family, generic, a platform, another work's, or no terms at all.
    ['The model is licensed under the Apache License.', '-'],
    ['This work is licensed under a Creative Commons Attribution 4.0 International License.', '-'],
    ['The dataset is available under the Open Data Commons Attribution License.', '-'],
    ['The checker is mandatory under the NVIDIA Open Model License Agreement.', '-'],
    ['See the GNU General Public License for more details.', '-'],
    ['Please read the Hugging Face Terms of Service.', '-'],
    ['Most contributions require you to sign a Contributor License Agreement.', '-'],
    ['This repository builds on code written by NVIDIA that is licensed under the Apache License, Version 2.0.', '-'],
    ['Key Terms', '-'],
    ['Inter-Annotator Agreement was 0.8.', '-'],
    ['Model License', '-'],
    ['This checkpoint is distributed under the terms of the Apache License 2.0, without additional restrictions.', 'Apache-2.0'],
    ['The model weights are released under the license in LICENSE.', '-'],
    ['The weights are released without additional restrictions beyond the Acme Rider.', 'unknown'],
    ['Use of the weights is subject to the terms in LICENSE and the Acme Rider.', 'unknown'],
    ['It outperforms proprietary models of its size.', '-'],
  ])('%s → %s', (sentence, expected) => { expect(read(sentence)).toBe(expected); }); // named documents are not read in comments, so not in the quick test
});
