// The table at the end of a scan, and `osai summary` over the JSON lines of one or many shards: one row per model
// (where it was referenced, its licenses, its verdict per profile) and the exit code of the worst verdict.
import type { Verdict } from '../report/types.js';
import { isScanEnd, type ScanEnd } from './coverage.js';
import type { ScanReference, ScanResult, ScanVerdict } from './types.js';

/** A row keeps only what the table shows, so a scan of many targets holds a few hundred bytes for each. */
export interface SummaryRow {
  id: string; kind: ScanResult['kind']; verdict: ScanVerdict; profiles: Record<string, Verdict>; licenses: string[];
  /** The first few references (`root/file:line`) and how many there were in all. */
  where: string[]; references: number; message?: string;
}

const WHERE_SHOWN = 3;

/** Notes kept without the rows (beside JSON lines): the rest is counted. */
const NOTES_KEPT = 50;

export class Summary {
  readonly rows = new Map<string, SummaryRow>();
  profile: string | undefined;
  /** Ids seen twice: shards that overlap, or a target listed twice. */
  duplicates = 0;
  /** Without rows (`keepRows: false`), memory stays the same for any number of results: counts and a few notes. */
  private readonly keepRows: boolean;
  private readonly counts: Record<ScanVerdict, number> = { pass: 0, fail: 0, unknown: 0, error: 0 };
  private readonly notes: string[] = [];
  private worst = 0;

  constructor({ keepRows = true }: { keepRows?: boolean } = {}) {
    this.keepRows = keepRows;
  }

  add(result: ScanResult): void {
    this.profile ??= result.profile;
    this.worst = Math.max(this.worst, rank(result.verdict));
    if (!this.keepRows) {
      this.counts[result.verdict]++;
      if (result.message && (result.verdict === 'error' || result.kind === 'unresolved') && this.notes.length <= NOTES_KEPT) this.notes.push(`  ${result.id}: ${result.message}`);
      return;
    }
    const where = result.references.map(referenceText);
    const known = this.rows.get(result.id);
    if (known) {
      this.duplicates++;
      known.references += where.length;
      for (const w of where) if (known.where.length < WHERE_SHOWN && !known.where.includes(w)) known.where.push(w);
      if (rank(result.verdict) > rank(known.verdict)) known.verdict = result.verdict;
      return;
    }
    this.rows.set(result.id, {
      id: result.id, kind: result.kind, verdict: result.verdict, profiles: result.profiles, licenses: result.licenses,
      where: where.slice(0, WHERE_SHOWN), references: where.length, ...(result.message ? { message: result.message } : {}),
    });
  }

  /** 0 every target passed, 1 one failed or is unknown, 2 one could not be checked. */
  exitCode(): 0 | 1 | 2 {
    return this.worst === 0 ? 0 : this.worst === 3 ? 2 : 1;
  }

  /** The table as plain text, rows sorted by id so shards merged in any order print the same; without rows, the totals. */
  format(): string {
    const rows = [...this.rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!this.keepRows) return this.formatCounts();
    if (rows.length === 0) return 'osai scan: no model to check was found\n';
    const profiles = [...new Set(rows.flatMap((r) => Object.keys(r.profiles)))].sort();
    const header = ['MODEL', 'REFERENCED AT', 'LICENSES', 'VERDICT', ...profiles];
    const lines = rows.map((r) => [
      r.id,
      r.where.length === 0 ? '-' : `${r.where.join(', ')}${r.references > r.where.length ? ` (+${r.references - r.where.length})` : ''}`,
      r.licenses.length > 0 ? r.licenses.join('; ') : '-',
      r.verdict,
      ...profiles.map((p) => r.profiles[p] ?? '-'),
    ]);
    const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...lines.map((l) => l[i]!.length))));
    const render = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
    const notes = rows.filter((r) => r.message && (r.verdict === 'error' || r.kind === 'unresolved')).map((r) => `  ${r.id}: ${r.message}`);
    const count = (v: ScanVerdict) => rows.filter((r) => r.verdict === v).length;
    const totals = `${rows.length} target${rows.length === 1 ? '' : 's'} under ${this.profile ?? 'the profile'}: ${count('pass')} pass, ${count('fail')} fail, ${count('unknown')} unknown, ${count('error')} could not be checked`;
    return [render(header), ...lines.map(render), '', totals, ...(notes.length ? ['', 'not checked or unresolved:', ...notes] : [])].join('\n') + '\n';
  }

  private formatCounts(): string {
    const total = Object.values(this.counts).reduce((a, b) => a + b, 0);
    if (total === 0) return 'osai scan: no model to check was found\n';
    const c = this.counts;
    const totals = `${total} target${total === 1 ? '' : 's'} under ${this.profile ?? 'the profile'}: ${c.pass} pass, ${c.fail} fail, ${c.unknown} unknown, ${c.error} could not be checked`;
    const notes = this.notes.length > NOTES_KEPT ? [...this.notes.slice(0, NOTES_KEPT), '  … and more: osai summary on the JSON lines lists them all'] : this.notes;
    return [totals, ...(notes.length ? ['', 'not checked or unresolved:', ...notes] : [])].join('\n') + '\n';
  }
}

/** Where, from the application's root (the jsonl line keeps the root): `src/app.py:12`. */
function referenceText(ref: ScanReference): string {
  return `${ref.file}${ref.line > 0 ? `:${ref.line}` : ''}`;
}

function rank(verdict: ScanVerdict): number {
  return verdict === 'pass' ? 0 : verdict === 'unknown' ? 2 : verdict === 'fail' ? 1 : 3;
}

/** Reads one JSON line of a scan, or says what is wrong with it. */
export function parseScanLine(line: string): ScanResult | ScanEnd | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (isScanEnd(value)) return value;
  const v = value as Partial<ScanResult>;
  if (typeof v !== 'object' || v === null || v.schemaVersion !== 1 || typeof v.id !== 'string' || !['pass', 'fail', 'unknown', 'error'].includes(String(v.verdict))) {
    return { error: 'not a line of osai scan --format jsonl (schemaVersion 1, id, verdict)' };
  }
  return { ...v, references: Array.isArray(v.references) ? v.references : [], profiles: v.profiles ?? {}, licenses: v.licenses ?? [] } as ScanResult;
}
