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

describe('placeholder code (a bounded read of the file)', () => {
  test.each([
    ['def train():\n    pass\n', true],
    ['"""Training."""\nimport torch\n\ndef main():\n    raise NotImplementedError("soon")\n\nif __name__ == "__main__":\n    main()\n', true],
    ['# TODO: release the training code\n', true],
    ['class Trainer:\n    def fit(self):\n        ...\n', true],
    ['#!/bin/bash\necho "TODO"\n', true],
    // Real code, however small, and a thin wrapper over a package's trainer.
    ['from olmo.train import main\n\nif __name__ == "__main__":\n    main()\n', false],
    ['def train(model, data):\n    for batch in data:\n        model(batch).backward()\n', false],
    ['import torch\nmodel = torch.nn.Linear(2, 2)\n', false],
    ['#!/bin/bash\nset -e\ntorchrun --nproc 8 train.py --config cfg.yaml\n', false],
  ])('%j → %s', async (text, placeholder) => {
    const { isPlaceholderCode } = await import('../src/identify/components/stub-code.js');
    expect(isPlaceholderCode(text)).toBe(placeholder);
  });
});
