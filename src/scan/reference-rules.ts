// Loads rules/scan-references.yaml: the patterns by which `osai scan` finds model references in an application.
// These rules are read only by `osai scan` (one process for many targets), so they stay out of the compiled rule set
// every `osai check` loads; the file is read and validated by ruleset/load.ts like every other rules file.
import { join } from 'node:path';
import { z } from 'zod';
import { RulesError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import { loadFile } from '../ruleset/load.js';

const ReferenceRule = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  description: z.string(),
  files: z.array(z.string().min(1)).min(1),
  pattern: z.string().min(1),
  flags: z.string().regex(/^[imsu]*$/).optional(),
  read: z.enum(['call', 'word']),
  position: z.number().int().min(0).optional(),
  keyword: z.string().optional(),
  namespace: z.enum(['hub', 'ollama']),
  bare: z.string().regex(/^[\w.-]+$/).optional(),
  strip: z.string().optional(),
}).strict();

const ReferenceRulesFile = z.object({
  references: z.array(ReferenceRule).min(1), weights: z.array(z.string()).min(1), gguf_by_content: z.array(z.string()).default([]),
}).strict();
type ReferenceRule = z.infer<typeof ReferenceRule>;

/** A rule with its expressions compiled. */
export interface CompiledReferenceRule extends Omit<ReferenceRule, 'pattern' | 'strip'> {
  pattern: RegExp; strip?: RegExp; matchesFile: (name: string) => boolean;
}
export interface ReferenceRules {
  references: CompiledReferenceRule[]; isWeights: (name: string) => boolean;
  /** Names under which a GGUF file may hide (model.bin): weights when their first bytes say GGUF. */
  mayBeGguf: (name: string) => boolean;
}

export const REFERENCE_RULES_FILE = join(RULES_DIR, 'scan-references.yaml');

let loaded: ReferenceRules | undefined;

/** The reference rules (cached); a bad file is a RulesError naming the file and the YAML path. */
export function loadReferenceRules(file = REFERENCE_RULES_FILE): ReferenceRules {
  if (loaded && file === REFERENCE_RULES_FILE) return loaded;
  const data = loadFile(file, ReferenceRulesFile);
  const references = data.references.map((rule, i): CompiledReferenceRule => {
    const compile = (source: string, flags: string, key: string) => {
      try {
        return new RegExp(source, flags);
      } catch (error) {
        throw new RulesError(`${file}: references.${i}.${key}: ${(error as Error).message}`);
      }
    };
    if (rule.read === 'call' && rule.position === undefined && rule.keyword === undefined) {
      throw new RulesError(`${file}: references.${i}: a call rule needs a position or a keyword`);
    }
    if (rule.read === 'word' && !rule.pattern.includes('(?<value>')) throw new RulesError(`${file}: references.${i}.pattern: a word rule needs a (?<value>…) group`);
    const { pattern, strip, ...rest } = rule;
    return {
      ...rest, pattern: compile(pattern, `g${(rule.flags ?? '').replace('g', '')}`, 'pattern'),
      ...(strip ? { strip: compile(strip, '', 'strip') } : {}), matchesFile: globs(rule.files),
    };
  });
  const result = { references, isWeights: globs(data.weights), mayBeGguf: data.gguf_by_content.length ? globs(data.gguf_by_content) : () => false };
  if (file === REFERENCE_RULES_FILE) loaded = result;
  return result;
}

/** Base-name globs (`*` and `?` only) as one test; case-insensitive, as file systems on two of three platforms are. */
function globs(patterns: string[]): (name: string) => boolean {
  const escape = (g: string) => g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^(?:${patterns.map(escape).join('|')})$`, 'i');
  return (name) => re.test(name);
}
