// Finds and reads the user's .osai.yml (or .osai.yaml, or the `osai` key of package.json) from the target upward.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';

const NAMES = ['.osai.yml', '.osai.yaml'];
const MAX_CONFIG_BYTES = 256 * 1024;

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
      if (data && typeof data === 'object' && 'osai' in data) return { config: await validate((data as { osai: unknown }).osai, pkg, NO_LINES, 'osai'), file: pkg, lineOf: NO_LINES };
    }
    if (dirname(dir) === dir || existsSync(join(dir, '.git'))) return { config: {}, lineOf: NO_LINES };
  }
}

async function parseConfigFile(file: string): Promise<{ config: Config; lineOf: LoadedConfig['lineOf'] }> {
  const text = readBounded(file);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors[0]) {
    const line = counter.linePos(doc.errors[0].pos[0]).line;
    throw new InputError(`${relative(process.cwd(), file)}:${line}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  }
  // A missing key (a required `reason:`) has no node: point at the nearest enclosing one that exists.
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { config: await validate(doc.toJS({ maxAliasCount: 50 }) ?? {}, file, lineOf), lineOf };
}

async function validate(data: unknown, file: string, lineOf: (path: (string | number)[]) => number, prefix?: string): Promise<Config> {
  // zod costs ~60 ms to load, so only a run that has a config pays for it.
  const { ConfigSchema } = await import('../config/schema.js');
  const result = ConfigSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path as (string | number)[];
  const where = [prefix, ...path].filter((p) => p !== undefined).join('.') || '(top level)';
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  throw new InputError(`${relative(process.cwd(), file)}:${lineOf(path)}: ${where}: ${issue.message}${keys}`,
    'see README.md, "Configuration", for the keys .osai.yml accepts');
}

function readBounded(file: string): string {
  const buffer = readFileSync(file);
  if (buffer.length > MAX_CONFIG_BYTES) throw new InputError(`${file}: config file is larger than ${MAX_CONFIG_BYTES} bytes`);
  return buffer.toString('utf8');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readBounded(file));
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
}
