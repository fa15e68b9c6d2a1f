// A code-host link is code only when it points at a repository, not at its issues or at the host's own pages.
import { describe, expect, test } from 'vitest';
import { isRepositoryLink } from '../src/identify/components/components.js';

describe('repository links', () => {
  test.each([
    ['https://github.com/example/tiny-model', ''],
    ['https://github.com/example/tiny-model', '/tree/main/train'],
    ['https://github.com/example/tiny-model', '/blob/main/train.py'],
    ['https://github.com/example/tiny-model', '/releases/tag/v1'],
    ['https://gitlab.com/example/tiny-model', '/-/tree/main'],
  ])('%s%s is code', (url, after) => expect(isRepositoryLink(url, after)).toBe(true));

  test.each([
    ['https://github.com/example/tiny-model', '/issues/12'],
    ['https://github.com/example/tiny-model', '/pull/3'],
    ['https://github.com/example/tiny-model', '/discussions'],
    ['https://github.com/example/tiny-model', '/wiki'],
    ['https://gitlab.com/example/tiny-model', '/-/issues/4'],
    ['https://github.com/sponsors/example', ''],
    ['https://github.com/orgs/example', '/repositories'],
    ['https://github.com/features/copilot', ''],
  ])('%s%s is not code', (url, after) => expect(isRepositoryLink(url, after)).toBe(false));
});
