// Writes tiny GGUF and safetensors files for tests: a header with the given metadata and no tensor data.

type GgufValue = string | number | string[];

/** A GGUF v3 file: magic, version, tensor count 0, then the key/value metadata (strings, uint32 numbers, string arrays). */
export function ggufBytes(metadata: Record<string, GgufValue>, version = 3): Uint8Array {
  const parts: number[] = [];
  const u32 = (n: number) => { for (let i = 0; i < 4; i++) parts.push((n >>> (8 * i)) & 0xff); };
  const u64 = (n: number) => { u32(n); u32(0); };
  const count = version === 1 ? u32 : u64;
  const str = (s: string) => { const b = new TextEncoder().encode(s); count(b.length); parts.push(...b); };
  parts.push(...new TextEncoder().encode('GGUF'));
  u32(version);
  count(0);
  count(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    str(key);
    if (typeof value === 'string') { u32(8); str(value); }
    else if (typeof value === 'number') { u32(4); u32(value); }
    else { u32(9); u32(8); count(value.length); value.forEach(str); }
  }
  return Uint8Array.from(parts);
}

/** A safetensors file with one tiny tensor and the given `__metadata__`. */
export function safetensorsBytes(metadata: Record<string, string>): Uint8Array {
  const header = JSON.stringify({ __metadata__: metadata, w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } });
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + 4);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  return out;
}
