// Finds and reads the user's .osai.yml (or .osai.yaml, or the `osai` key of package.json) from the target upward.
import { closeSync, existsSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import { closestName } from '../suggest.js';

const NAMES = ['.osai.yml', '.osai.yaml'];
const MAX_CONFIG_BYTES = 256 * 1024;
const CONFIG_HINT = 'see README.md, "Configuration", for the keys .osai.yml accepts';

export interface LoadedConfig {
  config: Config;
  file?: string;
  /** The 1-based line of a value in the config, by its YAML path (1 when unknown). */
  lineOf: (path: (string | number)[]) => number;
}

const NO_LINES = () => 1;

/** The config that applies to `target`: `explicit` if given, else the nearest one found walking up. */
export async function loadConfig(target: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit) {
    const file = resolve(explicit);
    if (!existsSync(file)) throw new InputError(`config file not found: ${explicit}`, 'check the --config path');
    return { ...(await parseConfigFile(file)), file };
  }
  for (let dir = resolve(target); ; dir = dirname(dir)) {
    for (const name of NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { ...(await parseConfigFile(file)), file };
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const data = readJson(pkg);
      if (data && typeof data === 'object' && Object.hasOwn(data, 'osai')) return { config: await validate((data as { osai: unknown }).osai, pkg, NO_LINES, 'osai'), file: pkg, lineOf: NO_LINES };
    }
    if (dirname(dir) === dir || existsSync(join(dir, '.git'))) return { config: {}, lineOf: NO_LINES };
  }
}

async function parseConfigFile(file: string): Promise<{ config: Config; lineOf: LoadedConfig['lineOf'] }> {
  const text = readBounded(file);
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, merge: false });
  } catch (error) {
    throw new InputError(`${relative(process.cwd(), file)}: invalid YAML: ${(error as Error).message.split('\n')[0]}`, CONFIG_HINT);
  }
  // Unknown tags (`!!python/object`) are refused rather than read as plain strings.
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const line = counter.linePos(problem.pos[0]).line;
    throw new InputError(`${relative(process.cwd(), file)}:${line}: invalid YAML: ${problem.message.split('\n')[0]}`, CONFIG_HINT);
  }
  // A missing key (a required `reason:`) has no node: point at the nearest enclosing one that exists.
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // Too many aliases (a billion-laughs document) or a similar resource limit.
    throw new InputError(`${relative(process.cwd(), file)}: invalid YAML: ${(error as Error).message.split('\n')[0]}`, CONFIG_HINT);
  }
  return { config: await validate(data ?? {}, file, lineOf), lineOf };
}

async function validate(data: unknown, file: string, lineOf: (path: (string | number)[]) => number, prefix?: string): Promise<Config> {
  // zod costs ~60 ms to load, so only a run that has a config pays for it.
  const { ConfigSchema, CONFIG_KEYS } = await import('../config/schema.js');
  const result = ConfigSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path as (string | number)[];
  const where = [prefix, ...path].filter((p) => p !== undefined).join('.') || '(top level)';
  const keys = issue.code === 'unrecognized_keys' && !issue.keys.every((k) => issue.message.includes(k)) ? ` (${issue.keys.join(', ')})` : '';
  // An unknown key is most often a typo of a known one: name it.
  const known = issue.code === 'unrecognized_keys' ? CONFIG_KEYS[typeof path[0] === 'string' ? path[0] : ''] ?? [] : [];
  const guess = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [k, closestName(k, known)] as const).find(([, g]) => g) : undefined;
  throw new InputError(`${relative(process.cwd(), file)}:${lineOf(guess ? [...path, guess[0]] : path)}: ${where}: ${issue.message}${keys}${guess ? `; did you mean "${guess[1]}" for "${guess[0]}"?` : ''}`,
    issue.code === 'unrecognized_keys' ? `keys accepted here: ${known.join(', ')} (README.md, "Configuration")` : 'see README.md, "Configuration", for the keys .osai.yml accepts');
}

/** Reads a regular file of at most MAX_CONFIG_BYTES; a folder, FIFO, device or unreadable file is an input error. */
function readBounded(file: string): string {
  const shown = relative(process.cwd(), file) || file;
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputError(`${shown}: not a regular file`, 'a config file must be a plain YAML (or package.json) file');
    if (info.size > MAX_CONFIG_BYTES) throw new InputError(`${shown}: config file is larger than ${MAX_CONFIG_BYTES} bytes`, CONFIG_HINT);
    const buffer = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${shown}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'make it readable by the user running osai, or point --config at another file');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readJson(file: string): unknown {
  const text = readBounded(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${relative(process.cwd(), file) || file}: invalid JSON: ${(error as Error).message}`, 'fix package.json, or give a config with --config');
  }
}
