// Turns documents into Evidence: license findings, the 17 components with their status and license, access terms.
import { InputError } from '../errors.js';
import type {
  Clarification, ComponentEvidence, ComponentGroup, Declaration, Documents, Evidence, Inventory, LicenseFinding, LicenseScope, Problem,
} from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { identifyCardLicenses, identifyCardSection, resolveLicenseName } from './card-license.js';
import { isLocation } from './location.js';
import { add, findCardComponents, findComponentFiles, type Found } from './components.js';
import { assessDataInformation, type DataText } from './data-information.js';
import { sectionWithChildren } from './markdown-sections.js';
import { identifyLicenseText } from './license-text.js';
import { applyClarifications } from './clarify.js';
import { datasetFindings, describeDataset, hubId, identifyDatasets, identifyLineage } from './lineage.js';
import { identifyHeaderLicenses } from './weights-license.js';
import { statedLicense } from './stated-license.js';
import { readAccess } from './access.js';
import { identifyManifestLicense } from './manifest-license.js';
import { withRuleIds } from './rule-ids.js';
import { conjoin, expressionLeaves, parseExpression, UNKNOWN } from './spdx.js';

export function identify(
  inventory: Inventory, documents: Documents, rules: RuleSet, declarations: Declaration[] = [], clarifications: Clarification[] = [],
): Evidence {
  const problems: Problem[] = [...inventory.problems, ...documents.problems];
  const repoFiles = new Set(inventory.files.map((f) => f.path));
  const licenses: LicenseFinding[] = [];
  const found: Found = new Map();
  // Weights whose header is broken cannot be loaded, so they are not the released parameters.
  const unreadable = new Set(documents.problems.filter((p) => p.code === 'weights-header-invalid' && p.file).map((p) => p.file!));
  findComponentFiles(inventory.files, found, rules.components, problems, unreadable);

  const dataTexts: DataText[] = documents.docs.map((d) => ({ source: { file: d.file, line: 1 }, text: d.text }));
  const fileFindings: LicenseFinding[] = [];
  for (const doc of documents.licenseTexts) {
    const policy = inventory.files.find((f) => f.path === doc.file)?.topic;
    // A NOTICE or use policy that names no license is not an unidentified license, but the limits it states bind.
    const findings = identifyLicenseText(doc.file, doc.text, scopeOfLicenseFile(doc.file), rules, { ...(policy === 'use-policy' || policy === 'notice' ? { policy } : {}), terms: true });
    fileFindings.push(...findings.filter((f) => !(policy && f.expression === UNKNOWN && !f.addedTerms)));
  }
  const card = documents.card;
  if (card) {
    licenses.push(...identifyCardLicenses(card, rules, repoFiles, fileFindings), ...identifyCardSection(card, rules));
    const sections = findCardComponents(card, found);
    sections.forEach((section, i) => {
      if (section.level > 0 && /training (data|dataset)|^data(set)?s?\b|data sources/i.test(section.heading)) {
        const text = sectionWithChildren(sections, i);
        dataTexts.push({ source: { file: card.file, line: section.line }, text });
        // MOT convention: a model card that holds the data information counts as the data card.
        if (assessDataInformation([{ source: { file: card.file }, text }], rules).missing.length === 0) {
          add(found, 'data-card', { file: card.file, line: section.line, kind: 'card-section', detail: section.heading });
        }
      }
    });
  }
  for (const other of documents.otherCards ?? []) licenses.push(...identifyCardLicenses(other, rules, repoFiles, fileFindings));
  licenses.push(...fileFindings);
  for (const doc of documents.manifests ?? []) licenses.push(...identifyManifestLicense(doc.file, doc.text, rules));

  const clarified = applyClarifications(licenses, clarifications, documents.hashes ?? [], rules, scopeOfLicenseFile);
  licenses.splice(0, licenses.length, ...clarified.licenses);
  problems.push(...clarified.problems);
  licenses.push(...identifyHeaderLicenses(documents.weightsHeaders ?? [], rules));
  const lineage = identifyLineage(card, documents.weightsHeaders ?? [], rules);
  licenses.push(...lineage.findings);
  const datasets = card ? identifyDatasets(card, rules, (line) => found.get('evaluation-data')?.some((e) => e.line === line) ?? false) : [];
  datasets.forEach((d) => add(found, 'datasets', { file: d.file, ...(d.line ? { line: d.line } : {}), kind: d.via, detail: d.license ? `${d.id} (${d.license})` : d.id }));
  licenses.push(...datasetFindings(datasets));
  const evalLinks = (found.get('evaluation-data') ?? []).filter((e) => e.kind === 'card-link');
  if (!(found.get('evaluation-data') ?? []).some((e) => e.kind === 'file')) {
    const described = evalLinks.map((e) => describeDataset({ id: hubId(e.detail ?? '', 'dataset') ?? '', via: 'card-link', file: e.file, ...(e.line ? { line: e.line } : {}) }, rules));
    licenses.push(...datasetFindings(described, 'evaluation-data'));
  }
  if (card) licenses.push(...linkedLicenses(card, found, rules));
  licenses.push(...declare(declarations, rules, found, problems));
  // Deprecated SPDX ids (GPL-2.0, LGPL-2.1+) as the ids of the rules that rate them, before anything compares them.
  licenses.forEach((l, i) => {
    const expression = withRuleIds(l.expression, rules);
    if (expression !== l.expression) licenses[i] = { ...l, expression };
  });

  const components = rules.components.map((c): ComponentEvidence => {
    const evidence = found.get(c.id) ?? [];
    const status = evidence.some((e) => e.kind === 'file' || e.kind === 'card-section' || (e.kind === 'card-metadata' && c.id === 'evaluation-results'))
      ? 'present' : evidence.some((e) => e.kind === 'declaration') ? 'declared' : evidence.length > 0 ? 'referenced' : 'absent';
    const files = evidence.filter((e) => e.kind !== 'declaration').map((e) => e.file);
    const license = governingLicense(licenses, c.id, c.group, status === 'present' ? files : undefined, evidence.length > 0);
    return { id: c.id, status, evidence, ...(license ? { license } : {}) };
  });

  return {
    licenses,
    components,
    dataInformation: assessDataInformation(dataTexts, rules),
    access: readAccess(card?.metadata ?? {}, card?.lines ?? {}),
    conflicts: findConflicts(licenses),
    lineage: lineage.links,
    datasets,
    problems,
  };
}

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

const ADDITIVE = new Set<string>(['weights-header', 'lineage']);

/**
 * The license of a component: what a declaration says of it, and for a component whose files are in the repo also the
 * most specific findings that cover those files (its group's, else its folder's, else the repo's). All of them bind, so
 * a declaration can add a license but never lift the one the repository's own files carry.
 */
function governingLicense(licenses: LicenseFinding[], component: string, group: ComponentGroup, files: string[] | undefined, shown: boolean): string | undefined {
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

/**
 * A license the card states on the line that links a component kept elsewhere (code repositories, papers): the card is
 * the only evidence osai has offline, so the finding says so (kind card-section, confidence 0.9).
 */
function linkedLicenses(card: NonNullable<Documents['card']>, found: Found, rules: RuleSet): LicenseFinding[] {
  const lines = card.body.split(/\r\n|\r|\n/);
  const out: LicenseFinding[] = [];
  for (const [component, items] of found) {
    if (component === 'datasets' || items.some((e) => e.kind === 'file')) continue;
    for (const item of items.filter((e) => e.kind === 'card-link' && e.file === card.file && e.line !== undefined)) {
      const expression = statedLicense(lines[item.line! - card.bodyLine] ?? '', rules);
      if (!expression) continue;
      out.push({ expression, confidence: 0.9, source: { file: card.file, line: item.line!, kind: 'card-section' }, scope: { kind: 'component', component }, raw: `stated next to ${item.detail ?? 'a link'}` });
    }
  }
  return out;
}

/** Declarations from .osai.yml: evidence for their component and, when they name one, a component-scoped license. */
function declare(declarations: Declaration[], rules: RuleSet, found: Found, problems: Problem[]): LicenseFinding[] {
  const known = new Set(rules.components.map((c) => c.id));
  const findings: LicenseFinding[] = [];
  for (const d of declarations) {
    if (!known.has(d.component)) {
      throw new InputError(`${d.file}:${d.line}: unknown component "${d.component}"`, `use one of: ${[...known].join(', ')}`);
    }
    // `location: TODO` says the component is not out: it is reported and is not evidence, whatever license it names.
    if (!isLocation(d.location)) {
      problems.push({ code: 'declaration-location-placeholder', file: d.file, line: d.line, args: { component: d.component, location: d.location } });
      continue;
    }
    add(found, d.component, { file: d.file, line: d.line, kind: 'declaration', detail: d.location });
    if (d.license === undefined) continue;
    const source = { file: d.file, line: d.line, kind: 'declaration' as const };
    const scope = { kind: 'component' as const, component: d.component };
    const resolved = resolveLicenseName(d.license, rules);
    findings.push(resolved ? { ...resolved, source, scope } : { expression: UNKNOWN, confidence: 0, source, scope, raw: d.license });
  }
  return findings;
}

/**
 * Sources that name different licenses for the same thing. `unknown` is not a disagreement: it is reported on its own.
 * Repo-wide sources of different kinds are compared; so is each weights header with every source that covers the
 * weights (the card, the repo's or the weights' license files). Lineage is judged apart (license-lineage-conflict).
 */
function findConflicts(licenses: LicenseFinding[]): Evidence['conflicts'] {
  const known = licenses.filter((l) => l.expression !== UNKNOWN);
  const repo = known.filter((l) => l.scope.kind === 'repo' && l.source.kind !== 'weights-header');
  const conflicts: Evidence['conflicts'] = [];
  const key = (l: LicenseFinding) => expressionLeaves(parseExpression(l.expression) ?? { license: l.expression }).sort().join(' ');
  for (let i = 0; i < repo.length; i++) {
    for (let j = i + 1; j < repo.length; j++) {
      const a = repo[i]!;
      const b = repo[j]!;
      if (a.source.kind !== b.source.kind && key(a) !== key(b)) conflicts.push({ a, b });
    }
  }
  // A weights license file (LICENSE-MODEL) that names another license than the card's metadata.
  const cardMetadata = repo.filter((l) => l.source.kind === 'card-metadata');
  const weightsFiles = known.filter((l) => l.scope.kind === 'group' && l.scope.group === 'weights' && l.source.kind === 'license-file');
  for (const b of weightsFiles) for (const a of cardMetadata) if (key(a) !== key(b)) conflicts.push({ a, b });
  const headers = known.filter((l) => l.source.kind === 'weights-header');
  const coversWeights = known.filter((l) => (l.scope.kind === 'repo' || (l.scope.kind === 'group' && l.scope.group === 'weights'))
    && !['weights-header', 'lineage', 'dataset'].includes(l.source.kind));
  for (const b of headers) for (const a of coversWeights) if (key(a) !== key(b)) conflicts.push({ a, b });
  return conflicts;
}
