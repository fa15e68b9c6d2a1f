// The package's own name and version, for the report's `tool` field.
import { PACKAGE_MANIFEST } from './paths.js';

export const TOOL = { name: PACKAGE_MANIFEST.name, version: PACKAGE_MANIFEST.version };
