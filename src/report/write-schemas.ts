// `npm run schemas`: writes schemas/*.json from the zod schemas (test/schemas.test.ts fails when they are stale).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from './json-schemas.js';

const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(`${dir}${name}`, text);
  console.log(`wrote schemas/${name}`);
}
