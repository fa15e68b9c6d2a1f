// The Report as a zod schema, for the shipped JSON Schema (schemas/report.schema.json) and for validation paths only:
// `osai check` never loads this file (zod costs ~60 ms at start-up). types.ts stays the source of the TS types;
// the assertion at the bottom fails the build when the two drift apart.
import { z } from 'zod';
import type { Report } from './types.js';

const Verdict = z.enum(['pass', 'fail', 'unknown']);
const Freedom = z.enum(['use', 'study', 'modify', 'share']);
const Severity = z.enum(['error', 'warning', 'note']);
const Group = z.enum(['code', 'weights', 'data', 'docs']);
const Args = z.record(z.string(), z.union([z.string(), z.number()]));
const Line = z.number().int().min(1);

const FreedomReason = z.object({ license: z.string(), clause: z.string(), text: z.string() }).strict();

const Finding = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('stable finding code: the SARIF ruleId and the key of `ignore` entries'),
  severity: Severity,
  verdict: Verdict,
  message: z.string(),
  help: z.string(),
  args: Args,
  file: z.string().optional(),
  line: Line.optional(),
  component: z.string().optional(),
  freedom: Freedom.optional(),
  components: z.array(z.string()).optional().describe('every component one cause covers'),
  freedoms: z.array(Freedom).optional().describe('every freedom one cause restricts'),
  reasons: z.array(FreedomReason).optional(),
}).strict();

const IgnoredFinding = Finding.extend({
  ignore: z.object({ reason: z.string(), until: z.string().optional(), file: z.string().optional(), line: Line.optional() }).strict(),
}).strict();

const Summary = z.object({ errors: z.number().int(), warnings: z.number().int(), unknown: z.number().int() }).strict();

const EvidenceItem = z.object({
  file: z.string(), line: Line.optional(), kind: z.enum(['file', 'card-link', 'card-metadata', 'card-section', 'declaration']), detail: z.string().optional(),
}).strict();

const Component = z.object({
  id: z.string(),
  name: z.string(),
  group: Group,
  status: z.enum(['present', 'referenced', 'declared', 'absent']),
  required: z.boolean(),
  evidence: z.array(EvidenceItem),
  license: z.string().optional(),
  verdict: Verdict,
}).strict();

const Scope = z.union([
  z.object({ kind: z.literal('repo') }).strict(),
  z.object({ kind: z.literal('group'), group: Group }).strict(),
  z.object({ kind: z.literal('path'), prefix: z.string() }).strict(),
  z.object({ kind: z.literal('component'), component: z.string() }).strict(),
]);

const LicenseFinding = z.object({
  expression: z.string().describe('SPDX expression over SPDX and LicenseRef- ids, or `unknown`'),
  confidence: z.number().min(0).max(1),
  source: z.object({
    file: z.string(), line: Line.optional(),
    kind: z.enum(['license-file', 'card-metadata', 'card-section', 'weights-header', 'manifest', 'declaration', 'lineage', 'dataset', 'notice']),
  }).strict(),
  scope: Scope,
  raw: z.string().optional(),
  closest: z.object({ id: z.string(), score: z.number() }).strict().optional(),
  diff: z.object({ missing: z.array(z.string()), extra: z.array(z.string()) }).strict().optional()
    .describe('phrases the reference has and the text lacks (missing), and the reverse (extra)'),
  addedTerms: z.object({ beside: z.array(z.string()) }).strict().optional(),
  versionOpen: z.boolean().optional().describe('a Hub GNU id (gpl-3.0) that says neither -only nor -or-later'),
  listed: z.boolean().optional().describe('one of several licenses a card lists under `license:`; each binds'),
}).strict();

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }).strict(),
  target: z.object({ path: z.string(), revision: z.string().optional(), readAt: z.string().optional(), model: z.string().optional() }).strict(),
  profile: z.object({ id: z.string(), name: z.string(), verdict: Verdict, strict: z.boolean() }).strict(),
  profiles: z.array(z.object({ id: z.string(), name: z.string(), verdict: Verdict, summary: Summary }).strict()),
  components: z.array(Component),
  freedoms: z.array(z.object({ freedom: Freedom, component: z.string(), verdict: Verdict, reasons: z.array(FreedomReason) }).strict()),
  licenses: z.array(LicenseFinding),
  sources: z.array(z.object({
    kind: z.enum(['target', 'base-model', 'dataset', 'code']), id: z.string(), url: z.string(), revision: z.string(), license: z.string().optional(),
  }).strict()).optional(),
  dataInformation: z.object({
    source: z.object({ file: z.string(), line: Line.optional() }).strict().optional(),
    covered: z.array(z.string()),
    missing: z.array(z.string()),
    sources: z.record(z.string(), z.object({ file: z.string(), line: Line.optional() }).strict()).optional(),
    read: z.array(z.object({ file: z.string(), line: Line.optional() }).strict()).optional().describe('every document or section read for data information'),
  }).strict(),
  findings: z.array(Finding),
  ignored: z.array(IgnoredFinding),
}).strict().describe('osai check report (schemaVersion 1)');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// If this line fails to compile, types.ts and this schema disagree: change both.
const same: Same<z.infer<typeof ReportSchema>, Omit<Report, 'schemaVersion'> & { schemaVersion: 1 }> = true;
void same;
