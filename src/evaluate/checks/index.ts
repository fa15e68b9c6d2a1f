// The closed set of check kinds; a profile composes them by `kind`.
import type { CheckSpec } from '../../ruleset/schema.js';
import type { CheckContext, Outcome } from '../check.js';
import { checkComponent } from './component.js';
import { checkEuExemption } from './eu-exemption.js';
import { checkDatasetLicenses, checkLineage } from './lineage.js';
import {
  checkAccessOpen, checkDataInformation, checkLicensesAgree, checkLicensesIdentified, checkReadable,
} from './repository.js';

type Kind = CheckSpec['kind'];
type SpecOf<K extends Kind> = Extract<CheckSpec, { kind: K }>;

export const CHECKS: { [K in Kind]: (ctx: CheckContext, spec: SpecOf<K>) => Outcome[] } = {
  component: checkComponent,
  readable: checkReadable,
  'licenses-identified': checkLicensesIdentified,
  'licenses-agree': checkLicensesAgree,
  'access-open': checkAccessOpen,
  'data-information': checkDataInformation,
  lineage: checkLineage,
  'dataset-licenses': checkDatasetLicenses,
  'eu-exemption': checkEuExemption,
};

export function runCheck(ctx: CheckContext, spec: CheckSpec): Outcome[] {
  const run = CHECKS[spec.kind] as (ctx: CheckContext, spec: CheckSpec) => Outcome[];
  return run(ctx, spec);
}
