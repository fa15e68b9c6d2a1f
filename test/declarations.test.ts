// A component declared in .osai.yml must say where it is: a placeholder location is not a release
// (fixtures/declared-location-placeholder shows the whole run).
import { describe, expect, test } from 'vitest';
import { isLocation } from '../src/identify/components/location.js';

describe('declared locations', () => {
  test.each(['TODO', 'tbd', 'N/A', 'none', '-', '?', '  ', '<url>', '{{ repo }}', 'on request', 'coming soon', 'foo', 'https://github.com/', 'https://huggingface.co', 'https://x/y', 'https://x.'])(
    '%j is not a location', (value) => expect(isLocation(value)).toBe(false));

  test.each(['https://github.com/example/tiny-model', 'https://huggingface.co/datasets/tiny/corpus', 'https://arxiv.org/abs/2402.00838',
    'hf://datasets/tiny/corpus', 's3://bucket/checkpoints', 'training/', 'src/train.py',
    // A project's own site is a location (MOT records point at them).
    'https://llm360.ai', 'https://allenai.org/', 'https://www.eleuther.ai/artifacts/pile'])(
    '%j is a location', (value) => expect(isLocation(value)).toBe(true));

});
