// Reads license and base-model keys from weights headers (GGUF metadata, safetensors __metadata__), never past the header.
import type { Problem, WeightsHeader } from '../model.js';
import { OsaiError } from '../errors.js';
import type { RepoReader } from './reader.js';

/** As huggingface.js: a safetensors header longer than this is refused, not read. */
export const MAX_SAFETENSORS_HEADER = 25_000_000;
/** GGUF caps: metadata is key/value pairs before the tensor infos; a real file has a few dozen keys. */
export const GGUF_LIMITS = { maxKeys: 100_000, maxKeyBytes: 65_535, maxStringBytes: 16 * 1024 * 1024, maxArrayItems: 50_000_000, maxBytesRead: 64 * 1024 * 1024 };
const CHUNK = 1024 * 1024;

type Result = { header: WeightsHeader } | { problem: Problem };

class HeaderError extends Error {}

/** The header of one weights file, or a problem naming why it could not be read. Never throws for bad bytes. */
export async function readWeightsHeader(reader: RepoReader, file: string, size: number): Promise<Result> {
  try {
    if (/\.gguf$/i.test(file)) return { header: await readGguf(reader, file, size) };
    if (/\.safetensors$/i.test(file)) return { header: await readSafetensors(reader, file, size) };
    return { problem: { code: 'weights-header-invalid', file, args: { reason: 'not a GGUF or safetensors file' } } };
  } catch (error) {
    // osai could not reach the source at all (network, rate limit): exit 2, never a verdict.
    if (error instanceof OsaiError) throw error;
    if (error instanceof HeaderError) return { problem: { code: 'weights-header-invalid', file, args: { reason: error.message } } };
    // A weights file that cannot be opened at all is not released: an error, as for any unreadable file.
    return { problem: { code: 'file-unreadable', file, args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } } };
  }
}

async function readSafetensors(reader: RepoReader, file: string, size: number): Promise<WeightsHeader> {
  const prefix = await reader.readRange(file, 0, 8);
  if (prefix.length < 8) throw new HeaderError('the file is shorter than the 8-byte header length');
  const length = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(MAX_SAFETENSORS_HEADER)) throw new HeaderError(`the header length ${length} exceeds the ${MAX_SAFETENSORS_HEADER}-byte limit`);
  if (Number(length) > size - 8) throw new HeaderError(`the header length ${length} is longer than the file`);
  const bytes = await reader.readRange(file, 8, Number(length));
  if (bytes.length < Number(length)) throw new HeaderError('the header is truncated');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new HeaderError(`the header is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(json)) throw new HeaderError('the header is not a JSON object');
  const meta = json['__metadata__'];
  const values: Record<string, string> = Object.create(null);
  const invalid: { key: string; reason: string }[] = [];
  if (isRecord(meta)) {
    for (const [k, v] of Object.entries(meta)) {
      if (typeof v === 'string') values[k] = v;
      // The format allows only strings; a license key holding anything else cannot be read, which is not "no license".
      else if (LICENSE_KEY.test(k)) invalid.push({ key: k, reason: `a ${Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v}, not a string` });
    }
  }
  return headerFrom(file, 'safetensors', values, invalid);
}

/**
 * Keys that carry a license (safetensors has no standard key, so any key named like one counts): GGUF's
 * general.license(.name|.link), ModelSpec's modelspec.license, license_name, license.notes, …
 */
const LICENSE_KEY = /(^|[._-])licen[cs]e([._-][a-z]+)?$/i;

/** Every string of the header is scanned for terms; this many keys are kept, the rest are one problem. */
const MAX_HEADER_STRINGS = 512;

function headerFrom(file: string, format: WeightsHeader['format'], values: Record<string, string>, invalid: { key: string; reason: string }[] = []): WeightsHeader {
  const strings = Object.keys(values).slice(0, MAX_HEADER_STRINGS).map((key) => ({ key, value: values[key]! }));
  const license = Object.keys(values).filter((k) => LICENSE_KEY.test(k)).sort().map((key) => ({ key, value: values[key]! }));
  const count = Number(values['general.base_model.count'] ?? 0);
  const baseModels: WeightsHeader['baseModels'] = [];
  for (let i = 0; i < Math.min(Number.isFinite(count) ? count : 0, 64); i++) {
    const at = (k: string) => values[`general.base_model.${i}.${k}`];
    const model = { ...(at('name') ? { name: at('name')! } : {}), ...(at('organization') ? { organization: at('organization')! } : {}), ...(at('repo_url') ? { repoUrl: at('repo_url')! } : {}) };
    if (Object.keys(model).length > 0) baseModels.push(model);
  }
  const size = values['general.size_label'];
  const basename = values['general.basename'];
  const names = [values['general.name'], basename && size ? `${basename}-${size}` : undefined, basename].filter((n): n is string => Boolean(n && n.trim()));
  return {
    file, format, license, baseModels, ...(names.length > 0 ? { names: [...new Set(names)] } : {}),
    strings, ...(invalid.length > 0 ? { invalid } : {}),
  };
}

/** A forward-only cursor over a file that reads 1 MiB chunks on demand and seeks past what it skips. */
class Cursor {
  private buf: Uint8Array = new Uint8Array(0);
  private start = 0;
  pos = 0;
  private read = 0;
  constructor(private reader: RepoReader, private file: string, private size: number) {}

  private async need(n: number): Promise<DataView> {
    if (this.pos + n > this.size) throw new HeaderError(`the metadata is truncated at byte ${this.pos}`);
    if (this.pos < this.start || this.pos + n > this.start + this.buf.length) {
      const length = Math.max(n, CHUNK);
      this.read += length;
      if (this.read > GGUF_LIMITS.maxBytesRead) throw new HeaderError(`the metadata is larger than ${GGUF_LIMITS.maxBytesRead} bytes`);
      this.buf = await this.reader.readRange(this.file, this.pos, length);
      this.start = this.pos;
      if (this.buf.length < n) throw new HeaderError(`the metadata is truncated at byte ${this.pos}`);
    }
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + (this.pos - this.start), n);
    this.pos += n;
    return view;
  }
  async u32(): Promise<number> { return (await this.need(4)).getUint32(0, true); }
  async u64(): Promise<number> {
    const v = (await this.need(8)).getBigUint64(0, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new HeaderError(`a count of ${v} is not plausible`);
    return Number(v);
  }
  async bytes(n: number): Promise<Uint8Array> {
    const view = await this.need(n);
    return new Uint8Array(view.buffer, view.byteOffset, n);
  }
  /** Skips `items` length-prefixed strings; lengths already buffered are read in place, without a round trip each. */
  async skipStrings(items: number, wide: boolean, limit: number): Promise<void> {
    const width = wide ? 8 : 4;
    let view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
    for (let j = 0; j < items; j++) {
      const offset = this.pos - this.start;
      let n: number;
      if (offset >= 0 && offset + width <= this.buf.length) {
        // A length whose high word is set is far beyond any limit.
        n = wide && view.getUint32(offset + 4, true) !== 0 ? Infinity : view.getUint32(offset, true);
        this.pos += width;
      } else {
        n = wide ? await this.u64() : await this.u32();
        view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
      }
      if (n > limit) throw new HeaderError(`a string of ${n} bytes exceeds the limit of ${limit}`);
      this.skip(n);
    }
  }
  skip(n: number): void {
    if (this.pos + n > this.size) throw new HeaderError(`the metadata is truncated at byte ${this.pos}`);
    this.pos += n;
  }
}

// GGUF value types: fixed sizes, 8 = string, 9 = array (spec: ggml/docs/gguf.md).
const FIXED_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

async function readGguf(reader: RepoReader, file: string, size: number): Promise<WeightsHeader> {
  const c = new Cursor(reader, file, size);
  const magic = new TextDecoder().decode(await c.bytes(4));
  if (magic !== 'GGUF') throw new HeaderError('the file does not start with the GGUF magic');
  const version = await c.u32();
  if (version < 1 || version > 3) throw new HeaderError(`GGUF version ${version} is not supported`);
  // Version 1 used 32-bit counts and string lengths; 2 and 3 use 64-bit.
  const count = version === 1 ? () => c.u32() : () => c.u64();
  await count(); // tensor count: the tensor infos come after the metadata, which is where reading stops.
  const keys = await count();
  if (keys > GGUF_LIMITS.maxKeys) throw new HeaderError(`${keys} metadata keys exceed the limit of ${GGUF_LIMITS.maxKeys}`);
  const text = new TextDecoder('utf-8');
  const readString = async (limit: number) => {
    const n = await count();
    if (n > limit) throw new HeaderError(`a string of ${n} bytes exceeds the limit of ${limit}`);
    return n;
  };
  const values: Record<string, string> = Object.create(null);
  const invalid: { key: string; reason: string }[] = [];
  for (let i = 0; i < keys; i++) {
    const key = text.decode(await c.bytes(await readString(GGUF_LIMITS.maxKeyBytes)));
    const type = await c.u32();
    const keep = key.startsWith('general.');
    if (type === STRING) {
      const n = await readString(GGUF_LIMITS.maxStringBytes);
      if (keep && n <= 64 * 1024) values[key] = text.decode(await c.bytes(n));
      else {
        if (keep && LICENSE_KEY.test(key)) invalid.push({ key, reason: `a string of ${n} bytes, longer than osai reads` });
        c.skip(n);
      }
    } else if (type === ARRAY) {
      const itemType = await c.u32();
      const items = await count();
      if (keep && LICENSE_KEY.test(key)) invalid.push({ key, reason: 'an array, not a string' });
      if (items > GGUF_LIMITS.maxArrayItems) throw new HeaderError(`an array of ${items} items exceeds the limit of ${GGUF_LIMITS.maxArrayItems}`);
      if (itemType === STRING) await c.skipStrings(items, version > 1, GGUF_LIMITS.maxStringBytes);
      else if (FIXED_SIZE[itemType] !== undefined) c.skip(items * FIXED_SIZE[itemType]!);
      else throw new HeaderError(`key ${key} holds an array of unsupported type ${itemType}`);
    } else if (FIXED_SIZE[type] !== undefined) {
      const width = FIXED_SIZE[type]!;
      if (keep && LICENSE_KEY.test(key)) { invalid.push({ key, reason: `a number (type ${type}), not a string` }); c.skip(width); }
      else if (keep && (type === 4 || type === 10)) values[key] = String(width === 4 ? await c.u32() : await c.u64());
      else c.skip(width);
    } else throw new HeaderError(`key ${key} has unsupported value type ${type}`);
  }
  return headerFrom(file, 'gguf', values, invalid);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
