// Table test for SPDX agreement between two statements of one release's license.
import { describe, expect, test } from 'vitest';
import { statementsAgree } from '../src/spdx/agreement.js';

describe('statementsAgree', () => {
  test.each([
    ['MIT OR Apache-2.0', 'MIT', false, true],
    ['MIT OR Apache-2.0', 'Apache-2.0', false, true],
    ['Apache-2.0', 'MIT OR Apache-2.0', false, true],
    ['MIT OR Apache-2.0', 'Apache-2.0 OR MIT', false, true],
    ['GPL-3.0-only', 'GPL-3.0-or-later', true, true],
    ['AGPL-3.0-only', 'AGPL-3.0-or-later', true, true],
    // Negative cases: a file outside the choice, a conjunction is no choice, a stated -only, another version or license.
    ['MIT OR Apache-2.0', 'GPL-3.0-only', false, false],
    ['MIT AND Apache-2.0', 'MIT', false, false],
    ['GPL-3.0-only', 'GPL-3.0-or-later', false, false],
    ['GPL-3.0-only', 'GPL-2.0-or-later', true, false],
    ['GPL-3.0-only', 'AGPL-3.0-or-later', true, false],
    ['MIT OR (Apache-2.0 AND LicenseRef-extra)', 'Apache-2.0', false, false],
  ])('%s vs %s (version-open %s) → %s', (a, b, open, agree) => {
    expect(statementsAgree({ expression: a, versionOpen: open }, { expression: b })).toBe(agree);
  });
});
