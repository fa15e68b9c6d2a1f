// Which part of a release a license file speaks for, from its name and folder.
import type { LicenseScope } from '../../model.js';

/** LICENSE-CODE and friends speak for one group; a LICENSE in a sub-folder for that folder; the rest for the repo. */
export function scopeOfLicenseFile(path: string): LicenseScope {
  const name = path.split('/').pop()!;
  const group = /(code|source|software)/i.test(name) ? 'code'
    : /(model|weights?|params)/i.test(name) ? 'weights'
      : /data/i.test(name) ? 'data' : /(docs?|documentation)/i.test(name) ? 'docs' : undefined;
  if (group) return { kind: 'group', group };
  const dir = path.includes('/') && !/^LICENSES\//i.test(path) ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return dir ? { kind: 'path', prefix: dir } : { kind: 'repo' };
}
