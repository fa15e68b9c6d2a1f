// Turns documents into Evidence: license findings, the 17 components with their status and license, access terms.
import { InputError } from '../errors.js';
import type {
  ComponentEvidence, ComponentGroup, Declaration, Documents, Evidence, Inventory, LicenseFinding, LicenseScope, Problem,
} from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { identifyCardLicenses, identifyCardSection, resolveLicenseName } from './card-license.js';
import { add, findCardComponents, findComponentFiles, type Found } from './components.js';
import { assessDataInformation, type DataText } from './data-information.js';
import { sectionWithChildren } from './markdown-sections.js';
import { identifyLicenseText } from './license-text.js';
import { identifyManifestLicense } from './manifest-license.js';
import { conjoin, expressionLeaves, parseExpression, UNKNOWN } from './spdx.js';

export function identify(inventory: Inventory, documents: Documents, rules: RuleSet, declarations: Declaration[] = []): Evidence {
  const problems: Problem[] = [...inventory.problems, ...documents.problems];
  const repoFiles = new Set(inventory.files.map((f) => f.path));
  const licenses: LicenseFinding[] = [];
  const found: Found = new Map();
  findComponentFiles(inventory.files, found);

  const dataTexts: DataText[] = documents.docs.map((d) => ({ source: { file: d.file, line: 1 }, text: d.text }));
  const fileFindings: LicenseFinding[] = [];
  for (const doc of documents.licenseTexts) {
    const policy = inventory.files.find((f) => f.path === doc.file)?.topic;
    const findings = identifyLicenseText(doc.file, doc.text, scopeOfLicenseFile(doc.file), rules);
    // A NOTICE or use policy that names no license is not an unidentified license.
    fileFindings.push(...findings.filter((f) => !(policy && f.expression === UNKNOWN)));
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
  licenses.push(...fileFindings);
  for (const doc of documents.manifests ?? []) licenses.push(...identifyManifestLicense(doc.file, doc.text, rules));

  licenses.push(...declare(declarations, rules, found));

  const components = rules.components.map((c): ComponentEvidence => {
    const evidence = found.get(c.id) ?? [];
    const status = evidence.some((e) => e.kind === 'file' || e.kind === 'card-section' || (e.kind === 'card-metadata' && c.id === 'evaluation-results'))
      ? 'present' : evidence.some((e) => e.kind === 'declaration') ? 'declared' : evidence.length > 0 ? 'referenced' : 'absent';
    const files = evidence.filter((e) => e.kind !== 'declaration').map((e) => e.file);
    const license = governingLicense(licenses, c.id, c.group, status === 'present' ? files : undefined);
    return { id: c.id, status, evidence, ...(license ? { license } : {}) };
  });

  return {
    licenses,
    components,
    dataInformation: assessDataInformation(dataTexts, rules),
    access: readAccess(card?.metadata ?? {}, card?.lines ?? {}),
    conflicts: findConflicts(licenses),
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

/**
 * The license of a component: what a declaration says of it, and for a component whose files are in the repo also the
 * most specific findings that cover those files (its group's, else its folder's, else the repo's). All of them bind, so
 * a declaration can add a license but never lift the one the repository's own files carry.
 */
function governingLicense(licenses: LicenseFinding[], component: string, group: ComponentGroup, files?: string[]): string | undefined {
  const declared = licenses.filter((l) => l.scope.kind === 'component' && l.scope.component === component);
  let fromFiles: LicenseFinding[] = [];
  if (files) {
    const tiers: ((s: LicenseScope) => boolean)[] = [
      (s) => s.kind === 'group' && s.group === group,
      (s) => s.kind === 'path' && files.length > 0 && files.every((f) => f.startsWith(s.prefix)),
      (s) => s.kind === 'repo',
    ];
    for (const inTier of tiers) {
      fromFiles = licenses.filter((l) => inTier(l.scope));
      if (fromFiles.length > 0) break;
    }
  }
  const all = [...fromFiles, ...declared];
  return all.length > 0 ? conjoin(all.map((l) => l.expression)) : undefined;
}

/** Declarations from .osai.yml: evidence for their component and, when they name one, a component-scoped license. */
function declare(declarations: Declaration[], rules: RuleSet, found: Found): LicenseFinding[] {
  const known = new Set(rules.components.map((c) => c.id));
  const findings: LicenseFinding[] = [];
  for (const d of declarations) {
    if (!known.has(d.component)) {
      throw new InputError(`${d.file}:${d.line}: unknown component "${d.component}"`, `use one of: ${[...known].join(', ')}`);
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

/** Repo-wide sources that name different licenses. `unknown` is not a disagreement: it is reported on its own. */
function findConflicts(licenses: LicenseFinding[]): Evidence['conflicts'] {
  const repo = licenses.filter((l) => l.scope.kind === 'repo' && l.expression !== UNKNOWN);
  const conflicts: Evidence['conflicts'] = [];
  const key = (l: LicenseFinding) => expressionLeaves(parseExpression(l.expression) ?? { license: l.expression }).sort().join(' ');
  for (let i = 0; i < repo.length; i++) {
    for (let j = i + 1; j < repo.length; j++) {
      const a = repo[i]!;
      const b = repo[j]!;
      if (a.source.kind !== b.source.kind && key(a) !== key(b)) conflicts.push({ a, b });
    }
  }
  return conflicts;
}

function readAccess(metadata: Record<string, unknown>, lines: Record<string, number>): Evidence['access'] {
  const gated = metadata['gated'];
  const mode = gated === 'manual' ? 'manual' : gated === true || gated === 'auto' || gated === 'true' ? 'auto' : false;
  const extraTerms = typeof metadata['extra_gated_prompt'] === 'string' || metadata['extra_gated_fields'] !== undefined;
  return { gated: mode, ...(lines['gated'] ? { line: lines['gated'] } : {}), extraTerms };
}
