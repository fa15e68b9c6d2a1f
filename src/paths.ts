// Where the package's own files are, found from this module's location so the same code works from dist/ and a bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'osai') return dir;
    if (dirname(dir) === dir) throw new Error('osai: cannot find its own package.json');
  }
}

/** The folder that holds osai's package.json, rules/ and dist/. */
export const PACKAGE_ROOT = findPackageRoot();
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
/** The rules as YAML (the source of truth) and as compiled by the build (what a run loads). */
export const RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const COMPILED_RULES_FILE = join(PACKAGE_ROOT, 'dist', 'rules.compiled');
