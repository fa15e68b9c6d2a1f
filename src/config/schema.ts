// The contract for .osai.yml: what a user may configure, validated strictly so a typo fails loudly.
import { z } from 'zod';

export const ConfigSchema = z.object({
  profile: z.string().optional(),
  strict: z.boolean().optional(),
}).strict();
export type Config = z.infer<typeof ConfigSchema>;
