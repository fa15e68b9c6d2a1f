// The shipped JSON Schemas are generated from the zod schemas; this fails when they are stale (run `npm run schemas`).
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { formatReport } from '../src/format/index.js';
import { jsonSchemas } from '../src/report/json-schemas.js';
import { check } from '../src/run.js';
import { OsaiError } from '../src/errors.js';
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

// issue 13: the report contract holds for every fixture, not only the ones a snapshot covers.
describe('every fixture\'s JSON report validates against schemas/report.schema.json', () => {
  const validateReport = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema('report.schema.json'));
  const fixtures = readdirSync(`${ROOT}fixtures`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  test.each(fixtures)('%s', async (name) => {
    let report;
    try {
      report = await check(`${ROOT}fixtures/${name}`, { today: '2026-01-01' });
    } catch (error) {
      // A fixture osai cannot check at all (exit 2) has no report to validate.
      if (error instanceof OsaiError) return;
      throw error;
    }
    const json = JSON.parse(await formatReport(report, 'json'));
    expect(validateReport(json), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  });
});
