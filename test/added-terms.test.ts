// Words that limit use outside a license text (added-terms.ts): each restrictive sentence is found, each granting or
// neutral sentence a real card or LICENSE holds is not.
import { describe, expect, test } from 'vitest';
import { findAddedTerms } from '../src/identify/added-terms.js';
import { normalizeText } from '../src/identify/normalize.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';

const rules = await loadRuleSet();
const terms = (s: string) => findAddedTerms(normalizeText(s).split(' '), rules);

describe('findAddedTerms', () => {
  test.each([
    'The Model may be used for non-commercial research purposes only.',
    'The model may be used for Non Commercial purposes.',
    'You may not use the Model or its outputs to train, improve or develop any other large language model.',
    'Commercial use requires a separate license from the Licensor.',
    'Licensee shall use the Model solely for evaluating its capabilities.',
    'You must not deploy the Model in production systems.',
    'Entities with annual revenue above $1M must obtain a commercial license.',
    'Use by companies with more than 100 employees requires a paid license.',
    'Use of the Model is subject to the Tiny Lab Acceptable Use Policy.',
    'The weights are provided for academic use.',
    'Redistribution of the weights is not permitted.',
    'Products with more than 700 million monthly active users need a license from us.',
    'This license may be revoked at any time.',
    'You may not use the model for military applications or surveillance.',
    'Any use in a commercial product is prohibited.',
    'Do not use this model to make decisions about people.',
  ])('finds: %s', (s) => {
    expect(terms(s)).toBeDefined();
  });

  test.each([
    'This model is released under the MIT license; see LICENSE.',
    'The code and the weights are licensed under Apache 2.0.',
    'Commercial use is permitted.',
    'You may use, modify and redistribute the model for any purpose, including commercial purposes.',
    'Please cite our paper if you use this model.',
    'The model is provided as is, without warranty of any kind.',
    'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License.',
    'No additional restrictions apply.',
    'There are no restrictions on commercial use.',
    'The weights and the code in this repository are both released under the terms above.',
  ])('leaves alone: %s', (s) => {
    expect(terms(s)).toBeUndefined();
  });
});
