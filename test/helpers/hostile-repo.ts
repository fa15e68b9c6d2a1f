// Builders for hostile repositories: temp copies of a passing fixture with one thing broken, and report shape checks.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { RepoReader } from '../../src/read/reader.js';
import { createMemoryReader } from '../../src/read/reader.js';
import type { Report } from '../../src/report/types.js';
import { loadRuleSet } from '../../src/ruleset/rule-set.js';
import { fixture } from './run-cli.js';

/** The fixture that passes every check of osaid-1.0: breaking one thing in it must stop the pass. */
export const PASSING = 'apache-weights-full-release';

/** A fresh temp copy of a fixture (default: the passing one), with `files` written over it. */
export function tempRepo(files: Record<string, string | Uint8Array> = {}, from: string | null = PASSING): string {
  const dir = mkdtempSync(join(tmpdir(), 'osai-hostile-'));
  if (from) cpSync(fixture(from), dir, { recursive: true });
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

/** The passing fixture's files, in memory. */
export function passingFiles(): Record<string, Uint8Array> {
  const root = fixture(PASSING);
  const out: Record<string, Uint8Array> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    if (statSync(join(root, name)).isFile()) out[name] = readFileSync(join(root, name));
  }
  return out;
}

/** An in-memory reader whose `read` of the given paths fails as a permission error would. */
const denied = (path: string) => Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });

export function readerFailingOn(files: Record<string, string | Uint8Array>, failing: string[]): RepoReader {
  const inner = createMemoryReader(files);
  return {
    ...inner,
    list: inner.list,
    // A file the user cannot read fails every way of reading it, as on disk.
    async read(path, maxBytes) {
      if (failing.includes(path)) throw denied(path);
      return inner.read(path, maxBytes);
    },
    async readRange(path, offset, length) {
      if (failing.includes(path)) throw denied(path);
      return inner.readRange(path, offset, length);
    },
  };
}

/** Wraps a reader so every byte it returns, from any method, is counted. */
export function countingReader(inner: RepoReader): { reader: RepoReader; bytes: () => number } {
  let total = 0;
  const reader = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'list') return value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (result instanceof Uint8Array) total += result.byteLength;
        return result;
      };
    },
  });
  return { reader, bytes: () => total };
}

const MESSAGES = (await loadRuleSet()).messages;

/** What every report must look like, whatever the input. */
export function expectValidReport(report: Report): void {
  expect(report.schemaVersion).toBe(1);
  expect(['pass', 'fail', 'unknown']).toContain(report.profile.verdict);
  for (const p of report.profiles) expect(['pass', 'fail', 'unknown']).toContain(p.verdict);
  for (const f of report.findings) {
    expect(typeof f.code, JSON.stringify(f)).toBe('string');
    expect(f.code).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(typeof f.help).toBe('string');
    // Every code has a template, and every `{name}` in it was filled (a raw `{0}` quoted from the file is fine).
    const template = MESSAGES[f.code];
    expect(template, `no messages.yaml entry for ${f.code}`).toBeDefined();
    for (const [, key] of `${template!.message} ${template!.help}`.matchAll(/\{(\w+)\}/g)) expect(f.args, `${f.code} needs {${key}}`).toHaveProperty(key!);
  }
  expect(() => JSON.stringify(report)).not.toThrow();
}

/** No profile passes. */
export function expectNoPass(report: Report): void {
  expect(report.profiles.filter((p) => p.verdict === 'pass').map((p) => p.id)).toEqual([]);
}

export const codes = (report: Report) => new Set(report.findings.map((f) => f.code));
