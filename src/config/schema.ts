// The contract for .osai.yml: what a user may configure, validated strictly so a typo fails loudly.
import { z } from 'zod';

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
  reason: z.string().min(1),
}).strict();

export const ConfigSchema = z.object({
  profile: z.string().optional(),
  strict: z.boolean().optional(),
  components: z.array(ComponentDeclaration).optional(),
  clarify: z.array(Clarification).optional(),
}).strict();
export type Config = z.infer<typeof ConfigSchema>;
