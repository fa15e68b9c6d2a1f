// The contract for .osai.yml: what a user may configure, validated strictly so a typo fails loudly.
import { z } from 'zod';
import { isPolicyEntry, POLICY_ENTRY_HINT } from '../evaluate/policy-entry.js';

/** A component that lives outside the repository (a code repo, a dataset), stated by the user. */
export const ComponentDeclaration = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a component id such as training-code (see rules/components.yaml)'),
  location: z.string().min(1),
  /** An SPDX expression or a license id osai knows; omitted means released but unlicensed. */
  license: z.string().min(1).optional(),
}).strict();

/** The license of one file, valid only while the file's sha256 is the one given: a changed file voids it loudly. */
export const Clarification = z.object({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'the 64 hex digits of the file\'s sha256 (e.g. from `sha256sum LICENSE`)'),
  license: z.string().min(1),
  reason: z.string().regex(/\S/, 'say why the text is that license'),
}).strict();

/** The license of a base model osai does not rate, stated by the user (a Hub id, as in the card's `base_model:`). */
export const BaseModelDeclaration = z.object({
  model: z.string().regex(/^[\w.-]+(\/[\w.-]+)?$/, 'a Hugging Face model id such as acme/base-7b'),
  license: z.string().min(1),
}).strict();

/** An allow/deny entry: one SPDX or LicenseRef id (with an optional `+` or `WITH` exception), a category or a restriction type. */
export const PolicyEntry = z.string().refine(isPolicyEntry, POLICY_ENTRY_HINT).describe(POLICY_ENTRY_HINT);

/** A finding code the user accepts, with the reason, an optional expiry date and an optional scope. */
export const IgnoreEntry = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a finding code such as access-gated-auto'),
  reason: z.string().regex(/\S/, 'say why the finding is accepted'),
  /** YYYY-MM-DD: from this day on the ignore no longer applies and the run fails with ignore-expired. */
  until: z.iso.date('a date written YYYY-MM-DD').optional(),
  /** Only findings in this repository-relative file. */
  file: z.string().min(1).optional(),
  /** Only findings about this component. */
  component: z.string().min(1).optional(),
}).strict();

/** Facts for the EU AI Act profile that osai cannot read from the repository (para 75, Art. 51). */
export const EuAiActDeclaration = z.object({
  /** A GPAI model with systemic risk (above 10^25 FLOP, or designated): the exemption never applies. */
  systemic_risk: z.boolean().optional(),
  /** Where the Art. 53(1)(c) copyright policy is published. */
  copyright_policy: z.string().min(1).optional(),
  /** Where the Art. 53(1)(d) training-content summary (AI Office template) is published. */
  training_content_summary: z.string().min(1).optional(),
}).strict();

export const ConfigSchema = z.object({
  profile: z.string().optional(),
  strict: z.boolean().optional(),
  components: z.array(ComponentDeclaration).optional(),
  clarify: z.array(Clarification).optional(),
  base_models: z.array(BaseModelDeclaration).optional().describe('licenses of base models osai does not rate'),
  allow: z.array(PolicyEntry).min(1, 'an empty allow list would allow nothing; leave `allow` out to allow every license')
    .optional().describe('every license found must match one entry (OR: one choice must)'),
  deny: z.array(PolicyEntry).optional().describe('no license found may match an entry (AND: every license binds)'),
  ignore: z.array(IgnoreEntry).optional().describe('accepted findings: out of the verdict, still in the report'),
  eu_ai_act: EuAiActDeclaration.optional().describe('facts for the eu-ai-act-53-2 profile that no file shows'),
}).strict();
export type Config = z.infer<typeof ConfigSchema>;

/** The keys each level of .osai.yml accepts, by its top-level key ('' for the top level), for "did you mean". */
export const CONFIG_KEYS: Record<string, string[]> = {
  '': Object.keys(ConfigSchema.shape),
  components: Object.keys(ComponentDeclaration.shape),
  clarify: Object.keys(Clarification.shape),
  base_models: Object.keys(BaseModelDeclaration.shape),
  ignore: Object.keys(IgnoreEntry.shape),
};
