// Where the package's own files are, found from this module's location so the same code works from dist/ and a bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** In the CLI bundle, the bundle's own path, passed in by its loader (dist/cli.cjs): no file URL to parse at start-up. */
declare const __osaiBundleFile: string | undefined;

/** The package's own package.json, read once: its folder and the fields osai reports. */
function findPackage(): { root: string; manifest: { name: string; version: string } } {
  const here = typeof __osaiBundleFile === 'string' ? __osaiBundleFile : fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const manifest = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown } : undefined;
    if (manifest?.name === 'osai') return { root: dir, manifest: { name: 'osai', version: String(manifest.version) } };
    if (dirname(dir) === dir) throw new Error('osai: cannot find its own package.json');
  }
}

const found = findPackage();
/** The folder that holds osai's package.json, rules/ and dist/. */
export const PACKAGE_ROOT = found.root;
/** osai's name and version, from its package.json. */
export const PACKAGE_MANIFEST = found.manifest;
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
/** The rules as YAML (the source of truth) and as compiled by the build (what a run loads). */
export const RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const COMPILED_RULES_FILE = join(PACKAGE_ROOT, 'dist', 'rules.compiled');
