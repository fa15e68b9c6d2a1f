// The license fields of package manifests: package.json, pyproject.toml ([project] / [tool.poetry]), setup.cfg, and
// CITATION.cff (the Citation File Format's `license`).
import type { LicenseFinding } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { resolveLicenseName } from '../license-name.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

interface Field { value: string; line: number; unreadable?: boolean }

/** The manifest's license finding (kind 'manifest'), or none when it has no license field or points at a file. */
export function identifyManifestLicense(file: string, text: string, rules: RuleSet, licenseFiles: Set<string> = new Set()): LicenseFinding[] {
  const field = /package\.json$/i.test(file) ? packageJson(text) : /pyproject\.toml$/i.test(file) ? pyproject(text, licenseFiles)
    : /citation\.cff$/i.test(file) ? citationCff(text) : setupCfg(text);
  if (!field) return [];
  const source = { file, line: field.line, kind: 'manifest' as const };
  const resolved = field.unreadable ? undefined : resolveLicenseName(field.value, rules);
  return [resolved
    ? { ...resolved, source, scope: { kind: 'repo' } }
    : { expression: UNKNOWN, confidence: 0, source, scope: { kind: 'repo' }, raw: field.value }];
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function packageJson(text: string): Field | undefined {
  let data: unknown;
  try { data = JSON.parse(text); } catch { return undefined; } // an invalid package.json declares nothing we can read
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const legacy = Array.isArray(record['licenses']) ? (record['licenses'] as { type?: unknown }[]).map((l) => l?.type).filter((t) => typeof t === 'string') : [];
  const value = typeof record['license'] === 'string' ? record['license'] : legacy.length > 0 ? legacy.join(' OR ') : undefined;
  if (value === undefined || /^see license in /i.test(value)) return undefined;
  const at = text.search(/"licen[cs]es?"\s*:/);
  return { value, line: at >= 0 ? lineOf(text, at) : 1 };
}

/**
 * pyproject.toml through a TOML parser (smol-toml: a maintained, dependency-free TOML 1.0 parser, loaded with this
 * module): PEP 639 `license = "SPDX expression"`, the older `license = {text = …}`, and `{file = …}` / `license-files`,
 * which defer to files osai reads as license texts. [tool.poetry] `license` counts too.
 */
function pyproject(text: string, licenseFiles: Set<string>): Field | undefined {
  let data: Record<string, unknown>;
  try { data = parseToml(text) as Record<string, unknown>; } catch (error) {
    return { value: `pyproject.toml is not valid TOML (${(error as Error).message.split('\n')[0]})`, line: 1, unreadable: true };
  }
  const project = record(data['project']);
  const poetry = record(record(data['tool'])['poetry']);
  const line = (key: string) => { const at = text.search(new RegExp(`^\\s*${key}\\s*=`, 'm')); return at >= 0 ? lineOf(text, at) : 1; };
  for (const table of [project, poetry]) {
    const license = table['license'];
    if (typeof license === 'string') return { value: license, line: line('license') };
    const spec = record(license);
    if (typeof spec['text'] === 'string') return { value: spec['text'], line: line('license') };
    if (typeof spec['file'] === 'string') {
      const path = spec['file'].replace(/^\.?\//, '');
      if (licenseFiles.has(path)) return undefined; // the file's own finding speaks
      return { value: `license = {file = "${spec['file']}"}, a file osai did not read as a license`, line: line('license'), unreadable: true };
    }
    if (license !== undefined) return { value: `license of unexpected type ${typeof license}`, line: line('license'), unreadable: true };
  }
  const files = project['license-files'];
  if (Array.isArray(files)) {
    const unread = files.filter((f): f is string => typeof f === 'string' && !/[*?[]/.test(f) && !licenseFiles.has(f.replace(/^\.?\//, '')));
    if (unread.length > 0) return { value: `license-files names ${unread.join(', ')}, not read as a license`, line: line('license-files'), unreadable: true };
  }
  return undefined;
}

/**
 * CITATION.cff through the YAML parser the card reader uses: `license` is an SPDX id or a list of them, which the
 * Citation File Format 1.2.0 says are alternatives ("their relationship is OR").
 */
function citationCff(text: string): Field | undefined {
  let data: unknown;
  try { data = parseYaml(text); } catch (error) {
    return { value: `CITATION.cff is not valid YAML (${(error as Error).message.split('\n')[0]})`, line: 1, unreadable: true };
  }
  const license = record(data)['license'];
  if (license === undefined || license === null) return undefined;
  const at = text.search(/^license\s*:/m);
  const line = at >= 0 ? lineOf(text, at) : 1;
  if (typeof license === 'string') return { value: license, line };
  if (Array.isArray(license) && license.length > 0 && license.every((l) => typeof l === 'string')) return { value: license.join(' OR '), line };
  return { value: `license of unexpected type ${Array.isArray(license) ? 'list' : typeof license}`, line, unreadable: true };
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {});

function setupCfg(text: string): Field | undefined {
  const lines = text.split(/\r?\n/);
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]!);
    if (header) { section = header[1]!.trim(); continue; }
    const m = section === 'metadata' ? /^\s*license\s*[=:]\s*(.+?)\s*$/.exec(lines[i]!) : null;
    if (m) return { value: m[1]!, line: i + 1 };
  }
  return undefined;
}
