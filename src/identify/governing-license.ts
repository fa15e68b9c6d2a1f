// The license that governs one component: every finding that covers it binds.
import type { ComponentGroup, LicenseFinding } from '../model.js';
import { conjoin } from '../spdx/expression.js';

const ADDITIVE = new Set<string>(['weights-header', 'lineage']);

/**
 * The license of a component: what a declaration says of it, and for a component whose files are in the repo also the
 * most specific findings that cover those files (its group's, else its folder's, else the repo's). All of them bind, so
 * a declaration can add a license but never lift the one the repository's own files carry.
 */
export function governingLicense(licenses: LicenseFinding[], component: string, group: ComponentGroup, files: string[] | undefined, shown: boolean): string | undefined {
  const declared = licenses.filter((l) => l.scope.kind === 'component' && l.scope.component === component);
  // Weights headers and a base model's license bind on top of what the files say: they never replace it.
  const additive = licenses.filter((l) => ADDITIVE.has(l.source.kind) && l.scope.kind === 'group' && l.scope.group === group);
  licenses = licenses.filter((l) => !ADDITIVE.has(l.source.kind));
  let fromFiles: LicenseFinding[] = [];
  if (files) {
    fromFiles = licenses.filter((l) => l.scope.kind === 'group' && l.scope.group === group);
    if (fromFiles.length === 0) {
      // Each file is governed by the LICENSE of the deepest folder that holds it, else the repo's; the component
      // carries them all, so a restrictive weights/LICENSE binds even when other weights sit at the root.
      const repo = licenses.filter((l) => l.scope.kind === 'repo');
      const governing = new Set<LicenseFinding>();
      for (const file of files.length > 0 ? files : [undefined]) {
        const inFolder = file === undefined ? [] : licenses.filter((l) => l.scope.kind === 'path' && file.startsWith(l.scope.prefix));
        const deepest = Math.max(-1, ...inFolder.map((l) => (l.scope.kind === 'path' ? l.scope.prefix.length : -1)));
        for (const l of inFolder.length > 0 ? inFolder.filter((x) => x.scope.kind === 'path' && x.scope.prefix.length === deepest) : repo) governing.add(l);
      }
      fromFiles = [...governing];
    }
  }
  // The card's `license:` is the model's license: a LICENSE-MODEL saying otherwise adds to it, never lifts it.
  const card = group === 'weights' && files ? licenses.filter((l) => l.source.kind === 'card-metadata' && l.scope.kind === 'repo') : [];
  // Inherited terms bind wherever the weights live, in the repo or declared elsewhere.
  const all = [...fromFiles, ...card, ...(shown ? additive : []), ...declared];
  return all.length > 0 ? conjoin(all.map((l) => l.expression)) : undefined;
}
