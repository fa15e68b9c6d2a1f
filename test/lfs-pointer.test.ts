// Table test for Git LFS pointer recognition, with the files that only look like one.
import { describe, expect, test } from 'vitest';
import { parseLfsPointer } from '../src/read/lfs-pointer.js';

const oid = 'a'.repeat(64);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseLfsPointer', () => {
  test.each([
    [`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 123\n`, 123],
    [`version https://git-lfs.github.com/spec/v1\r\noid sha256:${oid}\r\nsize 0\r\n`, 0],
    [`version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${'b'.repeat(64)}\noid sha256:${oid}\nsize 9\n`, 9],
    // Not pointers: another spec version, a short oid, no size, a negative size, content after the fields.
    [`version https://hawser.github.com/spec/v1\noid sha256:${oid}\nsize 1\n`, undefined],
    [`version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 1\n`, undefined],
    [`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\n`, undefined],
    [`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize -1\n`, undefined],
    [`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 1\n\u0000\u0001binary`, undefined],
    ['', undefined],
  ])('%j → %s', (text, size) => {
    expect(parseLfsPointer('m.safetensors', bytes(text))?.size).toBe(size);
  });

  test('a file over 1 KiB is content, whatever it starts with', () => {
    expect(parseLfsPointer('m.bin', bytes(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 1\n${'x'.repeat(2000)}`))).toBeUndefined();
  });
});
