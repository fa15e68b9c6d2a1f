// Sources that name different licenses for the same part of a release.
import type { Evidence, LicenseFinding } from '../model.js';
import { statementsAgree } from '../spdx/agreement.js';
import { UNKNOWN } from '../spdx/expression.js';

/**
 * Sources that name different licenses for the same thing. `unknown` is not a disagreement: it is reported on its own.
 * Repo-wide sources of different kinds are compared; so is each weights header with every source that covers the
 * weights (the card, the repo's or the weights' license files). Lineage is judged apart (license-lineage-conflict).
 * Agreement is SPDX's (src/spdx/agreement.ts): a choice agrees with each of its options, a Hub GNU id with either version.
 */
export function findConflicts(licenses: LicenseFinding[]): Evidence['conflicts'] {
  const known = licenses.filter((l) => l.expression !== UNKNOWN);
  const repo = known.filter((l) => l.scope.kind === 'repo' && l.source.kind !== 'weights-header');
  const conflicts: Evidence['conflicts'] = [];
  const differ = (a: LicenseFinding, b: LicenseFinding) => !statementsAgree(a, b);
  // Several licenses on one side, one of them on the other: a card that lists several (`license: [apache-2.0, mit]`)
  // beside a file with one of them, or a card naming one of several license files (LICENSE-APACHE, LICENSE-MIT). The
  // rest bind beside it (every finding is evaluated, the strictest governs), not against it.
  const listed = (a: LicenseFinding, b: LicenseFinding) => b.source.kind === 'license-file' && (
    (a.listed === true && repo.some((c) => c !== a && c.listed === true && c.source.file === a.source.file && !differ(c, b)))
    || (a.source.kind === 'card-metadata' && repo.some((c) => c !== b && c.source.kind === 'license-file' && !differ(a, c))));
  for (let i = 0; i < repo.length; i++) {
    for (let j = i + 1; j < repo.length; j++) {
      const a = repo[i]!;
      const b = repo[j]!;
      if (listed(a, b) || listed(b, a)) continue;
      if (a.source.kind !== b.source.kind && differ(a, b)) conflicts.push({ a, b });
    }
  }
  // A weights license file (LICENSE-MODEL) that names another license than the card's metadata.
  const cardMetadata = repo.filter((l) => l.source.kind === 'card-metadata');
  const weightsFiles = known.filter((l) => l.scope.kind === 'group' && l.scope.group === 'weights' && l.source.kind === 'license-file');
  for (const b of weightsFiles) for (const a of cardMetadata) if (differ(a, b)) conflicts.push({ a, b });
  const headers = known.filter((l) => l.source.kind === 'weights-header');
  const coversWeights = known.filter((l) => (l.scope.kind === 'repo' || (l.scope.kind === 'group' && l.scope.group === 'weights'))
    && !['weights-header', 'lineage', 'dataset'].includes(l.source.kind));
  for (const b of headers) for (const a of coversWeights) if (differ(a, b)) conflicts.push({ a, b });
  return conflicts;
}
