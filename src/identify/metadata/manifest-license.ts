// The license fields of package manifests: package.json, pyproject.toml ([project] / [tool.poetry]), setup.cfg.
import type { LicenseFinding } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { resolveLicenseName } from '../license-name.js';
import { UNKNOWN } from '../../spdx/expression.js';

interface Field { value: string; line: number }

/** The manifest's license finding (kind 'manifest'), or none when it has no license field or points at a file. */
export function identifyManifestLicense(file: string, text: string, rules: RuleSet): LicenseFinding[] {
  const field = /package\.json$/i.test(file) ? packageJson(text) : /pyproject\.toml$/i.test(file) ? pyproject(text) : setupCfg(text);
  if (!field) return [];
  const source = { file, line: field.line, kind: 'manifest' as const };
  const resolved = resolveLicenseName(field.value, rules);
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

/** `license = "MIT"` or `license = {text = "MIT"}` in [project] or [tool.poetry]; `{file = …}` defers to that file. */
function pyproject(text: string): Field | undefined {
  const lines = text.split(/\r?\n/);
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) { table = header[1]!.trim(); continue; }
    if (table !== 'project' && table !== 'tool.poetry') continue;
    const m = /^\s*license\s*=\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const raw = m[1]!;
    const str = /^["']([^"']+)["']/.exec(raw);
    if (str) return { value: str[1]!, line: i + 1 };
    const inline = /\btext\s*=\s*["']([^"']+)["']/.exec(raw);
    if (inline) return { value: inline[1]!, line: i + 1 };
    return undefined;
  }
  return undefined;
}

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
