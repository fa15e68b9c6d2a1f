// Turns documents into Evidence: license findings, the 17 components with their status and license, access terms.
import type {
  ComponentEvidence, ComponentGroup, Documents, Evidence, Inventory, LicenseFinding, LicenseScope, Problem,
} from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { identifyCardLicenses } from './card-license.js';
import { add, findCardComponents, findComponentFiles, type Found } from './components.js';
import { assessDataInformation, type DataText } from './data-information.js';
import { sectionWithChildren } from './markdown-sections.js';
import { identifyLicenseText } from './license-text.js';
import { conjoin, expressionLeaves, parseExpression, UNKNOWN } from './spdx.js';

export function identify(inventory: Inventory, documents: Documents, rules: RuleSet): Evidence {
  const problems: Problem[] = [...inventory.problems, ...documents.problems];
  const repoFiles = new Set(inventory.files.map((f) => f.path));
  const licenses: LicenseFinding[] = [];
  const found: Found = new Map();
  findComponentFiles(inventory.files, found);

  const dataTexts: DataText[] = documents.docs.map((d) => ({ source: { file: d.file, line: 1 }, text: d.text }));
  const card = documents.card;
  if (card) {
    licenses.push(...identifyCardLicenses(card, rules, repoFiles));
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
  for (const doc of documents.licenseTexts) {
    const policy = inventory.files.find((f) => f.path === doc.file)?.topic;
    const findings = identifyLicenseText(doc.file, doc.text, scopeOfLicenseFile(doc.file), rules);
    // A NOTICE or use policy that names no license is not an unidentified license.
    licenses.push(...findings.filter((f) => !(policy && f.expression === UNKNOWN)));
  }

  const components = rules.components.map((c): ComponentEvidence => {
    const evidence = found.get(c.id) ?? [];
    const status = evidence.some((e) => e.kind === 'file' || e.kind === 'card-section' || (e.kind === 'card-metadata' && c.id === 'evaluation-results'))
      ? 'present' : evidence.length > 0 ? 'referenced' : 'absent';
    const license = status === 'present' ? governingLicense(licenses, c.id, c.group, evidence.map((e) => e.file)) : undefined;
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

/** The most specific findings that cover the component: its group's, else its folder's, else the repo's. All of them hold. */
function governingLicense(licenses: LicenseFinding[], component: string, group: ComponentGroup, files: string[]): string | undefined {
  const tiers: ((s: LicenseScope) => boolean)[] = [
    (s) => s.kind === 'component' && s.component === component,
    (s) => s.kind === 'group' && s.group === group,
    (s) => s.kind === 'path' && files.length > 0 && files.every((f) => f.startsWith(s.prefix)),
    (s) => s.kind === 'repo',
  ];
  for (const inTier of tiers) {
    const applying = licenses.filter((l) => inTier(l.scope));
    if (applying.length > 0) return conjoin(applying.map((l) => l.expression));
  }
  return undefined;
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
