// osai init: writes a commented .osai.yml that loads and validates, lists what is missing, and never overwrites silently.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../src/config/schema.js';
import { loadConfig } from '../src/read/config.js';
import { fixture, runCli } from './helpers/run-cli.js';

function copyOf(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'osai-init-')), name);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

describe('osai init', () => {
  test('writes a config that loads and validates, with the chosen profile', async () => {
    const dir = copyOf('mit-weights-only');
    const { code, stdout } = runCli(['init', dir, '--profile', 'open-weights']);
    expect(code).toBe(0);
    expect(stdout).toContain('.osai.yml');
    const { config, file } = await loadConfig(dir);
    expect(file).toBe(join(dir, '.osai.yml'));
    expect(config).toEqual({ profile: 'open-weights', strict: false });
    expect(runCli(['check', dir]).code).toBe(0);
  });

  test('lists the missing components, commented, in the components: format; uncommented they validate', () => {
    const dir = copyOf('mit-weights-only');
    runCli(['init', dir]);
    const text = readFileSync(join(dir, '.osai.yml'), 'utf8');
    expect(text).toMatch(/^# {3}- id: training-code +# Training code: not found, required by osaid-1\.0$/m);
    // The user's next step: uncomment the examples. The result must be a valid config.
    const uncommented = text.split('\n').map((l) => l.replace(/^# (allow|deny|ignore|components|  )/, '$1')).join('\n');
    const parsed = ConfigSchema.safeParse(parse(uncommented));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.components?.map((c) => c.id)).toContain('training-code');
    expect(parsed.data?.allow).toEqual(['osi-approved']);
    expect(parsed.data?.ignore?.[0]?.until).toBe('2027-01-01');
  });

  test('refuses to overwrite (exit 2) unless --force', () => {
    const dir = copyOf('mit-weights-only');
    expect(runCli(['init', dir]).code).toBe(0);
    writeFileSync(join(dir, '.osai.yml'), 'profile: open-weights\n');
    const again = runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(join(dir, '.osai.yml'), 'utf8')).toBe('profile: open-weights\n');
    expect(runCli(['init', dir, '--force']).code).toBe(0);
    expect(readFileSync(join(dir, '.osai.yml'), 'utf8')).toMatch(/^# osai configuration/);
  });

  test('an existing .osai.yaml blocks it too, even with --force', () => {
    const dir = copyOf('mit-weights-only');
    writeFileSync(join(dir, '.osai.yaml'), 'profile: open-weights\n');
    expect(runCli(['init', dir, '--force']).code).toBe(2);
    expect(existsSync(join(dir, '.osai.yml'))).toBe(false);
  });

  test('components found in the repository are not listed; missing ones are', () => {
    const dir = copyOf('apache-weights-full-release');
    expect(runCli(['init', dir]).code).toBe(0);
    const listed = [...readFileSync(join(dir, '.osai.yml'), 'utf8').matchAll(/^# {3}- id: ([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed).not.toContain('model-parameters-final');
    expect(listed).not.toContain('training-code');
    expect(listed.length).toBeGreaterThan(0);
  });
});
