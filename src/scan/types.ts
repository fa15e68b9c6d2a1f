// The data of a scan: the targets it expands its arguments into, the references that name them, and one result each.
import type { Report, Verdict } from '../report/types.js';

export const SCAN_SCHEMA_VERSION = 1;

/** Where an application names a model: the file (from the application's root), the line and the rule that found it. */
export interface ScanReference {
  /** The application folder as given on the command line. */
  root: string;
  file: string;
  line: number;
  /** The rule id in rules/scan-references.yaml, or `weights-file` for a weights file in the tree. */
  rule: string;
  /** What the code says: the literal model word, or the expression computed at run time. */
  text: string;
}

/**
 * One thing to check. `id` is stable (it decides the shard): `hf:org/name`, a folder path as reached from the
 * argument, or for an unresolved reference `unresolved:<root>/<file>:<line>`.
 */
export type ScanTarget =
  | { kind: 'folder' | 'cache-snapshot'; id: string; path: string; references: ScanReference[] }
  | { kind: 'hub'; id: string; references: ScanReference[] }
  /** Loose weights files in one folder of an application, checked from their headers alone. */
  | { kind: 'weights'; id: string; path: string; files: string[]; references: ScanReference[] }
  /** A reference osai cannot turn into something to check: computed, a bare name, a model in Ollama's library. */
  | { kind: 'unresolved'; id: string; reason: string; hint: string; references: ScanReference[] }
  /** An argument (or a line of a targets file) that names nothing osai can open: an error result, the scan goes on. */
  | { kind: 'invalid'; id: string; reason: string; hint: string; references: ScanReference[] };

export type ScanVerdict = Verdict | 'error';

/** One line of `osai scan --format jsonl`: everything `osai summary` needs, and the full report when there is one. */
export interface ScanResult {
  schemaVersion: number;
  id: string;
  kind: ScanTarget['kind'];
  /** The chosen profile's verdict; `error` when osai could not check the target (exit 2). */
  verdict: ScanVerdict;
  profile: string;
  /** Every profile's verdict, by id. */
  profiles: Record<string, Verdict>;
  /** The license expressions of the model's weights (or every license found when no weights are listed). */
  licenses: string[];
  references: ScanReference[];
  /** Why an unresolved reference could not be checked, or why a check failed, and what to do. */
  message?: string;
  hint?: string;
  report?: Report;
}
