// The JSON Schemas shipped in schemas/: generated from the zod schemas of the report and of .osai.yml.
import { z } from 'zod';
import { ConfigSchema } from '../config/schema.js';
import { ReportSchema } from './schema.js';

/** File name → JSON text (draft-07, which ajv and editors read without options). */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, title: string) => {
    const json = { ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }), title };
    return `${JSON.stringify(json, null, 2)}\n`;
  };
  return {
    'report.schema.json': render(ReportSchema, 'osai check report (--format json)'),
    'config.schema.json': render(ConfigSchema, 'osai configuration (.osai.yml)'),
  };
}
