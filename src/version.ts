// The package's own name and version, for the report's `tool` field.
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };
export const TOOL = { name: pkg.name, version: pkg.version };
