// The Report: one versioned plain object that every formatter renders and every tool can read as JSON.
import type { ComponentEvidenceItem, ComponentGroup, ComponentStatus, DataInformation, LicenseFinding, ResolvedSource } from '../model.js';

export const SCHEMA_VERSION = 1;

export type Verdict = 'pass' | 'fail' | 'unknown';
export type Freedom = 'use' | 'study' | 'modify' | 'share';
export type Severity = 'error' | 'warning' | 'note';

export interface FreedomReason { license: string; clause: string; text: string }

/** One thing a check found. `code` is stable: it is the SARIF ruleId and the key of `ignore` lists. */
export interface Finding {
  code: string;
  severity: Severity;
  verdict: Verdict;
  message: string;
  help: string;
  args: Record<string, string | number>;
  file?: string;
  line?: number;
  component?: string;
  freedom?: Freedom;
  /** One finding per cause: every component and freedom the cause covers (`component`/`freedom` when there is one). */
  components?: string[];
  freedoms?: Freedom[];
  reasons?: FreedomReason[];
}

/** A finding an `ignore` entry accepted: it does not count toward the verdict, and the report still shows it. */
export interface IgnoredFinding extends Finding {
  ignore: { reason: string; until?: string; file?: string; line?: number };
}

export interface ProfileResult {
  id: string;
  name: string;
  verdict: Verdict;
  summary: { errors: number; warnings: number; unknown: number };
  findings: Finding[];
  ignored: IgnoredFinding[];
}

export interface ComponentResult {
  id: string;
  name: string;
  group: ComponentGroup;
  status: ComponentStatus;
  required: boolean;
  evidence: ComponentEvidenceItem[];
  license?: string;
  /** Whether the component's license grants all four freedoms: pass, fail (a freedom is restricted) or unknown. */
  verdict: Verdict;
}

export interface FreedomResult { freedom: Freedom; component: string; verdict: Verdict; reasons: FreedomReason[] }

export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  /** `revision`: the commit sha a remote target (or Hub cache snapshot) was read at; `readAt`: when; `model`: its Hub id. */
  target: { path: string; revision?: string; readAt?: string; model?: string };
  profile: { id: string; name: string; verdict: Verdict; strict: boolean };
  profiles: { id: string; name: string; verdict: Verdict; summary: ProfileResult['summary'] }[];
  components: ComponentResult[];
  freedoms: FreedomResult[];
  licenses: LicenseFinding[];
  /** Remote facts the verdicts rest on, each with the commit it was read at (hf: targets, --online, --offline). */
  sources?: ResolvedSource[];
  dataInformation: DataInformation;
  findings: Finding[];
  /** Findings of the chosen profile that the config's `ignore` entries accepted (empty without a config). */
  ignored: IgnoredFinding[];
}
