// The shipped JSON Schemas are generated from the zod schemas; this fails when they are stale (run `npm run schemas`).
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { jsonSchemas } from '../src/report/json-schemas.js';
import { ROOT } from './helpers/run-cli.js';

const schema = (name: string) => JSON.parse(readFileSync(`${ROOT}schemas/${name}`, 'utf8'));

describe('schemas/', () => {
  test.each(Object.entries(jsonSchemas()))('%s is up to date with its zod schema', (name, text) => {
    expect(readFileSync(`${ROOT}schemas/${name}`, 'utf8'), 'run `npm run schemas` and commit schemas/').toBe(text);
  });

  const validate = new Ajv({ strict: true, allowUnionTypes: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } }).compile(schema('config.schema.json'));
  const configs = readdirSync(`${ROOT}fixtures`).filter((d) => readdirSync(`${ROOT}fixtures/${d}`).includes('.osai.yml'));

  test.each(configs)('fixtures/%s/.osai.yml validates against schemas/config.schema.json', (name) => {
    const config = parse(readFileSync(`${ROOT}fixtures/${name}/.osai.yml`, 'utf8'));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  test('the config schema rejects an unknown key and an ignore without a reason', () => {
    expect(validate({ profil: 'osaid-1.0' })).toBe(false);
    expect(validate({ ignore: [{ code: 'access-gated-auto' }] })).toBe(false);
  });
});
