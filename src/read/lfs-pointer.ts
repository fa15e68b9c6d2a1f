// Recognises Git LFS pointer files: what a clone without `git lfs pull` (actions/checkout's default) holds for weights.
import type { LfsPointer } from '../model.js';

/** The spec caps a pointer file at 1024 bytes (git-lfs docs/spec.md); anything larger is content. */
export const MAX_POINTER_BYTES = 1024;

/**
 * `version https://git-lfs.github.com/spec/v1` first, then sorted `key value` lines with `oid sha256:<64 hex>` and
 * `size <bytes>`. Anything else (a truncated file, a pointer with another version) is not a pointer.
 */
export function parseLfsPointer(file: string, bytes: Uint8Array): LfsPointer | undefined {
  if (bytes.length === 0 || bytes.length > MAX_POINTER_BYTES) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (!/^version https:\/\/git-lfs\.github\.com\/spec\/v1$/.test(lines[0] ?? '')) return undefined;
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const m = /^([a-z0-9.-]+) (.+)$/.exec(line);
    if (!m) return undefined;
    fields.set(m[1]!, m[2]!);
  }
  const oid = /^sha256:([0-9a-f]{64})$/.exec(fields.get('oid') ?? '');
  const size = /^\d{1,16}$/.test(fields.get('size') ?? '') ? Number(fields.get('size')) : NaN;
  if (!oid || !Number.isSafeInteger(size)) return undefined;
  return { file, oid: oid[1]!, size };
}
