// The contract for rules/: zod schemas for licenses, components, profiles and messages.
import { z } from 'zod';

import {
  CATEGORIES, FREEDOMS, GROUPS, LISTED_CATEGORIES, OBLIGATION_TYPES, RESTRICTION_TYPES,
} from './vocabulary.js';

const Clause = z.string().min(1);

const FreedomRating = z.object({
  // `unknown`: osai knows the id but has not read the text (generated SPDX rules); it gates like fail.
  rating: z.enum(['granted', 'conditional', 'restricted', 'unknown']),
  clause: Clause,
  reason: z.string().min(1),
}).strict();

const Restriction = z.object({
  type: z.enum(RESTRICTION_TYPES),
  /** The freedoms the restriction takes away; each of them must then be rated `restricted`. */
  limits: z.array(z.enum(FREEDOMS)).min(1),
  clause: Clause,
  text: z.string().min(1),
  value: z.number().optional(),
  /** For `territory`: where the license grants nothing (ISO 3166 codes, or `EU` for the European Union). */
  territories: z.array(z.string().regex(/^([A-Z]{2}|EU)$/, 'an ISO 3166 alpha-2 code or EU')).min(1).optional(),
}).strict().refine((r) => (r.type === 'territory') === (r.territories !== undefined), 'a territory restriction lists its territories, and only it does');

const Obligation = z.object({
  type: z.enum(OBLIGATION_TYPES),
  clause: Clause,
  text: z.string().min(1),
}).strict();

/** How a license text is recognised without a reference text: normalised phrases that must all appear. */
const TextMatcher = z.object({
  phrases: z.array(z.string().min(3)).min(1),
  excludes: z.array(z.string().min(3)).default([]),
  /** Optional: headings of which one must appear in the text's first lines (e.g. "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT"). */
  title: z.array(z.string().min(3)).min(1).optional(),
}).strict();

export const LicenseRule = z.object({
  id: z.string().regex(/^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.+-]+)$/, 'an SPDX id or a LicenseRef- id'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  osiApproved: z.boolean(),
  categories: z.array(z.enum(LISTED_CATEGORIES)).default([]),
  suits: z.array(z.enum(GROUPS)).default([]),
  freedoms: z.object({ use: FreedomRating, study: FreedomRating, modify: FreedomRating, share: FreedomRating }).strict(),
  restrictions: z.array(Restriction).default([]),
  obligations: z.array(Obligation).default([]),
  identify: TextMatcher.optional(),
  sources: z.array(z.string()).default([]),
}).strict();
export type LicenseRule = z.infer<typeof LicenseRule>;

export const ComponentRule = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  group: z.enum(GROUPS),
  motType: z.enum(['code', 'data', 'document']),
  motId: z.number().int(),
  /** What a user adds to make the component present; used in "what to add" messages. */
  add: z.string(),
  /** A file smaller than this (bytes, from the listing) is a stub, not evidence of the component. */
  minBytes: z.number().int().nonnegative().optional(),
}).strict();
export type ComponentRule = z.infer<typeof ComponentRule>;

export const ComponentsFile = z.object({ components: z.array(ComponentRule).length(17) }).strict();

const ComponentCheck = z.object({
  kind: z.literal('component'),
  /** One component, or a list of which any one satisfies the requirement. */
  component: z.string().optional(),
  anyOf: z.array(z.string()).min(1).optional(),
  license: z.enum(CATEGORIES).optional(),
  freedoms: z.boolean().default(false),
  /** MOF: an open license that does not suit the component's type warns (or fails under --strict). */
  typeAppropriate: z.enum(['warn', 'fail']).optional(),
}).strict().refine((c) => (c.component === undefined) !== (c.anyOf === undefined), 'give exactly one of component or anyOf');

const SimpleCheck = z.object({
  kind: z.enum(['licenses-agree', 'access-open', 'data-information', 'readable', 'licenses-identified', 'lineage', 'dataset-licenses']),
}).strict();

/** A paragraph reference of the Commission's GPAI guidelines (C(2025) 5045), e.g. "83" or "77-82". */
const Para = z.string().regex(/^\d+(-\d+)?$/, 'a paragraph number such as 83 or 77-82');
const EuReading = z.object({ verdict: z.enum(['fail', 'unknown']), para: Para, why: z.string().min(1) }).strict();

/**
 * EU AI Act Art. 53(2) open-source exemption: how each restriction type reads (every type must be listed, so a new
 * type cannot pass unread), which gate fields ask for personal data, and what shows the usage information.
 */
const EuExemptionCheck = z.object({
  kind: z.literal('eu-exemption'),
  restrictions: z.record(z.enum(RESTRICTION_TYPES), EuReading)
    .refine((r) => RESTRICTION_TYPES.every((t) => t in r), `give a reading for every restriction type: ${RESTRICTION_TYPES.join(', ')}`),
  /** Words in `extra_gated_fields` names that ask for personal data (para 87); matched on lower-cased names. */
  personalData: z.array(z.string().min(2)).min(1),
  /** The usage information of para 91: each item is shown by a card heading containing one of `headings`, or a metadata key. */
  usage: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z-]*$/), label: z.string().min(1),
    headings: z.array(z.string().min(3)).min(1), keys: z.array(z.string().min(1)).default([]),
  }).strict()).min(1),
}).strict();
export type EuExemptionSpec = z.infer<typeof EuExemptionCheck>;

export const CheckSpec = z.union([ComponentCheck, SimpleCheck, EuExemptionCheck]);
export type CheckSpec = z.infer<typeof CheckSpec>;
export type ComponentCheckSpec = z.infer<typeof ComponentCheck>;

export const ProfileRule = z.object({
  id: z.string().regex(/^[a-z][a-z0-9.-]*$/),
  name: z.string(),
  description: z.string(),
  /** Profiles are cumulative: every check of the parent applies too. */
  extends: z.string().optional(),
  checks: z.array(CheckSpec).default([]),
  sources: z.array(z.string()).default([]),
}).strict();
export type ProfileRule = z.infer<typeof ProfileRule>;

export const MessagesFile = z.record(z.string(), z.object({
  message: z.string(),
  help: z.string(),
  /** For repository problems: how much they weigh (default error). */
  severity: z.enum(['error', 'warning', 'note']).optional(),
}).strict());
export type Messages = z.infer<typeof MessagesFile>;

/** Hugging Face `license:` ids: each maps to a rule id, or is a family label or sentinel that needs a LICENSE file. */
export const HubIdsFile = z.object({
  ids: z.record(z.string(), z.object({
    license: z.string().optional(),
    kind: z.enum(['license', 'family', 'sentinel']).default('license'),
    note: z.string().optional(),
    /** For a family label: patterns (`*` = any run) of the ids in the family; a license file outside them disagrees. */
    members: z.array(z.string().min(1)).optional(),
  }).strict()),
}).strict();

/** Keywords that show each OSAID data-information item in a document (matched on lower-cased text). */
export const DataInformationFile = z.object({
  items: z.array(z.object({ id: z.string(), label: z.string(), anyOf: z.array(z.string().min(3)).min(1) }).strict()).min(1),
}).strict();

/** Words that limit use in text no license explains (rules/added-terms.yaml); `word*` matches a prefix. */
const TermWord = z.string().regex(/^[a-z0-9]+\*?$/, 'a lower-case word, optionally ending in * for a prefix');
export const AddedTermsFile = z.object({
  window: z.number().int().min(1).max(50),
  always: z.array(TermWord).min(1),
  phrases: z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)+$/, 'two or more lower-case words')).min(1),
  limiters: z.array(TermWord).min(1),
  topics: z.array(TermWord).min(1),
  benign: z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)+$/, 'two or more lower-case words')),
  contractions: z.array(TermWord),
  grants: z.array(TermWord),
}).strict();
export type AddedTermsRules = z.infer<typeof AddedTermsFile>;

/** Names of files that carry terms (rules/terms-files.yaml): regex fragments and words of a file name. */
export const TermsFilesFile = z.object({
  contains: z.array(z.string().min(2)).min(1),
  words: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
  notice: z.array(z.string().regex(/^[a-z0-9]+$/)),
  except: z.array(z.string().min(1)),
  'not-extensions': z.array(z.string().regex(/^[a-z0-9]+$/)),
  'unreadable-extensions': z.array(z.string().regex(/^[a-z0-9]+$/)),
}).strict();
export type TermsFilesRules = z.infer<typeof TermsFilesFile>;

/** Sentences that state terms in a card body, gate text or metadata string (rules/card-terms.yaml). */
const TermsPhrase = z.string().regex(/^([\p{Ll}\p{Lo}\p{Mn}0-9]+\*?|~)( ([\p{Ll}\p{Lo}\p{Mn}0-9]+\*?|~))*$/u, 'lower-case words, `word*` for a prefix, `~` for a gap');
const CellWord = z.string().min(1);
export const CardTermsFile = z.object({
  restrictions: z.record(z.string().regex(/^[a-z-]+$/), z.array(TermsPhrase).min(1)),
  bound: z.object({
    kind: z.string().regex(/^[a-z-]+$/),
    binders: z.array(TermsPhrase).min(1), documents: z.array(TermsPhrase).min(1),
    'strict-binders': z.array(TermsPhrase).min(1), 'strict-documents': z.array(TermsPhrase).min(1),
    'not-before-licenses': z.array(TermsPhrase),
    choice: z.array(TermsPhrase),
    statements: z.object({
      verbs: z.array(TermWord).min(1), subjects: z.array(TermWord).min(1), 'not-subjects': z.array(TermWord).min(1),
      pronouns: z.array(TermWord), auxiliaries: z.array(TermWord), imperatives: z.array(TermWord), comparisons: z.array(TermWord),
    }).strict(),
    'own-license': z.object({ documents: z.array(TermsPhrase).min(1), between: z.array(TermWord).min(1), after: z.array(TermWord) }).strict(),
  }).strict()
    .refine((b) => b['not-before-licenses'].every((p) => b.binders.includes(p)), 'each of `not-before-licenses` is one of `binders`')
    .refine((b) => b['own-license'].documents.every((p) => b.documents.includes(p)), 'each of `own-license.documents` is one of `documents`'),
  'named-documents': z.object({
    nouns: z.array(z.string().regex(/^[A-Z][A-Za-z ]+$/)).min(1), generic: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
    families: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1),
  }).strict(),
  negations: z.array(TermsPhrase),
  advisory: z.array(TermsPhrase),
  table: z.object({ keys: z.array(z.string().min(1)).min(1), yes: z.array(CellWord).min(1), no: z.array(CellWord).min(1) }).strict(),
  'contact-fields': z.array(z.string().min(1)).min(1),
  'purpose-fields': z.array(z.string().min(1)).min(1),
  prose: z.object({
    'not-names': z.array(z.string().regex(/^[a-z0-9_-]+$/)),
    binding: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
    artifacts: z.array(TermsPhrase).min(1),
    'about-itself': z.object({
      kinds: z.array(z.string().regex(/^[a-z-]+$/)), subjects: z.array(TermsPhrase).min(1), purposes: z.array(TermsPhrase).min(1),
    }).strict(),
  }).strict(),
  substrings: z.record(z.string().regex(/^[a-z-]+$/), z.array(z.string().min(2))),
  comments: z.object({ 'code-purposes': z.array(TermsPhrase).min(1), release: z.array(TermsPhrase).min(1) }).strict(),
  handling: z.object({
    kinds: z.array(z.string().regex(/^[a-z-]+$/)).min(1), verbs: z.array(TermWord).min(1), passive: z.array(TermWord).min(1),
    objects: z.array(TermWord).min(1),
    release: z.array(TermsPhrase).min(1),
  }).strict(),
}).strict();
export type CardTermsRules = z.infer<typeof CardTermsFile>;
/** What a license file may hold beside its license text without adding terms (rules/benign-lines.yaml). */
const LinePattern = z.string().min(1).refine((p) => { try { new RegExp(p, 'u'); return true; } catch { return false; } }, 'a valid regular expression');
export const BenignLinesFile = z.object({
  copyright: z.object({
    starts: z.array(z.string().min(1)).min(1),
    maxWords: z.number().int().min(1).max(64),
    continuationWords: z.number().int().min(0).max(32),
    deny: z.array(TermWord.refine((w) => !w.endsWith('*'), 'a whole word')),
    abbreviations: z.array(z.string().regex(/^[a-z]+$/, 'a lower-case word')),
  }).strict(),
  titleWords: z.array(z.string().regex(/^[a-z0-9]+$/, 'a lower-case word')),
  urlHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/, 'a host name')),
  urlPath: LinePattern,
  sentences: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), LinePattern),
  englishWords: z.array(z.string().regex(/^[a-z]+$/, 'a lower-case word')).min(10),
}).strict();
export type BenignLinesRules = z.infer<typeof BenignLinesFile>;

/** A Hugging Face repo id pattern: `owner/name`, where `*` matches any run of characters (also a whole owner). */
const RepoPattern = z.string().regex(/^[A-Za-z0-9*][\w.*-]*(\/[\w.*-]+)?$/, 'a Hugging Face id such as meta-llama/Meta-Llama-3-*');
const LicenseId = z.string().regex(/^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.+-]+)$/, 'an SPDX id or a LicenseRef- id');

/** Well-known base models: a derivative of one inherits the license's restrictions. */
export const BaseModelsFile = z.object({
  'config-keys': z.array(z.string().regex(/^[a-z_]+$/)).min(1),
  'known-only-keys': z.array(z.string().regex(/^[a-z_]+$/)),
  models: z.array(z.object({ pattern: RepoPattern, license: LicenseId, family: z.string().min(1), source: z.string().url() }).strict()).min(1),
}).strict();
export type BaseModelRule = z.infer<typeof BaseModelsFile>['models'][number];
export type BaseModelsRules = z.infer<typeof BaseModelsFile>;

/** Well-known datasets and their licenses; `use` records a restriction of custom terms that have no rules file. */
export const DatasetsFile = z.object({
  datasets: z.array(z.object({
    pattern: RepoPattern, name: z.string().min(1), license: LicenseId,
    use: z.enum(['non-commercial', 'research-only']).optional(), note: z.string().optional(), source: z.string().url(),
  }).strict()).min(1),
}).strict();
export type DatasetRule = z.infer<typeof DatasetsFile>['datasets'][number];
