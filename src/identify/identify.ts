// Turns documents into Evidence: license findings, the 17 components with their status and license, access terms.
import type {
  CardDocument,
  Clarification, ComponentEvidence, Declaration, Documents, Evidence, Inventory, LicenseFinding, Problem, RemoteFacts, TextDocument,
} from '../model.js';
import { applyRemoteAccess, applyRemoteDatasets, applyRemoteLineage, remoteCodeLicenses, resolvedSources } from './lineage/remote.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { identifyCardLicenses, identifyCardSection } from './card/card-license.js';
import { scopeOfLicenseFile } from './license-text/scope.js';
import { governingLicense } from './governing-license.js';
import { findConflicts } from './conflicts.js';
import { declare } from './components/declarations.js';
import { isPlaceholderCode } from './components/stub-code.js';
import { linkedLicenses } from './components/linked-licenses.js';
import { add, findCardComponents, findComponentFiles, type Found } from './components/components.js';
import { assessDataInformation, type DataText } from './components/data-information.js';
import { sectionWithChildren } from './card/markdown-sections.js';
import { identifyLicenseText } from './license-text/license-text.js';
import { applyClarifications } from './license-text/clarify.js';
import { datasetFindings, describeDataset, hubId, identifyDatasets, identifyLineage, type ResolvedBase } from './lineage/lineage.js';
import { identifyHeaderLicenses } from './metadata/weights-license.js';
import { readAccess } from './access/access.js';
import { identifyCardTerms, identifyCommentTerms, identifyMetadataTerms, openLicenseText } from './card/body-terms.js';
import { textTerms } from './card/terms-sentences.js';
import { identifyConfigTerms, identifyHeaderTerms } from './metadata/metadata-terms.js';
import { identifyManifestLicense } from './metadata/manifest-license.js';
import { withRuleIds } from '../spdx/rule-ids.js';
import { UNKNOWN } from '../spdx/expression.js';

/** Words one of which every training-data heading holds (see isDataHeading). */
const DATA_WORDS = ['data', 'corp', 'mixture', 'set'];

/**
 * A heading over the training data, as real cards write it: Training Data, Training Datasets, Pretraining data,
 * Pre-training Corpus, Fine-tuning data, Data, Datasets, Data Sources, Data Collection, Dataset Details, Data mixture.
 * Evaluation and benchmark data are not the training data.
 */
export function isDataHeading(heading: string): boolean {
  // Lower-cased once instead of /i: V8 compiles a case-insensitive pattern this size (ICU case folding for every
  // letter) in several ms at start-up, for a card with a single heading.
  const h = heading.toLowerCase().replace(/[*_`]/g, '').replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/, '').trim();
  // Every alternative below holds one of these words: a heading without them ("Uses", "Model details") is not
  // one, and the pattern (about 1.5 ms to compile) is compiled only for a heading that may be.
  if (!DATA_WORDS.some((w) => h.includes(w))) return false;
  if (!h.includes('train') && /\b(eval\w*|benchmark\w*|test(?:ing)? (?:data|set)|results?|contamination)\b/.test(h)) return false;
  return /\b(?:(?:pre-?|post-?|instruction[- ])?train(?:ing)?|fine-?tun(?:ing|e)|sft|rlhf|dpo|alignment)[- ]?(?:data(?:sets?)?|corpus|corpora|mixture|set)\b|^(?:the )?data(?:sets?)?\b|^corpus\b|\bdata (?:sources?|collection|composition|mixture|card|statement|overview|details)\b|\bdatasets? (?:used|details|overview|card)\b|\btraining (?:and|&) (?:evaluation )?data\b/.test(h);
}

export function identify(
  inventory: Inventory, documents: Documents, rules: RuleSet, declarations: Declaration[] = [], clarifications: Clarification[] = [],
  remote?: RemoteFacts,
  bases: readonly ResolvedBase[] = [],
): Evidence {
  const problems: Problem[] = [...inventory.problems, ...documents.problems, ...(remote?.problems ?? [])];
  const repoFiles = new Set(inventory.files.map((f) => f.path));
  const licenses: LicenseFinding[] = [];
  const found: Found = new Map();
  // Weights whose header is broken cannot be loaded, so they are not the released parameters.
  const unreadable = new Set(documents.problems.filter((p) => p.code === 'weights-header-invalid' && p.file).map((p) => p.file!));
  const lfsSizes = new Map((documents.lfsPointers ?? []).map((p) => [p.file, p.size]));
  const placeholders = new Set((documents.code ?? []).filter((d) => isPlaceholderCode(d.text)).map((d) => d.file));
  findComponentFiles(inventory.files, found, rules.components, problems, unreadable, lfsSizes, placeholders);

  const dataTexts: DataText[] = documents.docs.map((d) => ({ source: { file: d.file, line: 1 }, text: d.text }));
  const fileFindings: LicenseFinding[] = [];
  for (const doc of documents.licenseTexts) {
    const policy = inventory.files.find((f) => f.path === doc.file)?.topic;
    // A NOTICE or use policy that names no license is not an unidentified license, but the limits it states bind.
    const findings = identifyLicenseText(doc.file, doc.text, scopeOfLicenseFile(doc.file), rules, { ...(policy === 'use-policy' || policy === 'notice' ? { policy } : {}), terms: true });
    fileFindings.push(...findings.filter((f) => !(policy && f.expression === UNKNOWN && !f.addedTerms)));
    // A NOTICE, USAGE.md or use policy is also read sentence by sentence with the card's vocabulary (rules/card-terms.yaml).
    if ((policy === 'use-policy' || policy === 'notice') && !findings.some((f) => f.addedTerms)) {
      // An open license's own text in it ("may not be used to endorse …" of BSD-3-Clause) states no further terms.
      let own: ((line: number, sentence: string) => boolean) | undefined;
      const hit = textTerms(doc.text, rules.cardTerms, (offset, sentence) => (own ??= openLicenseText(doc.file, doc.text, 1, rules))(offset + 1, sentence));
      if (hit) fileFindings.push({ expression: UNKNOWN, confidence: 0, source: { file: doc.file, line: hit.lineOffset + 1, kind: 'license-file' }, scope: scopeOfLicenseFile(doc.file), raw: hit.sentence, addedTerms: { beside: [] } });
    }
  }
  const card = documents.card;
  if (card) {
    licenses.push(...identifyCardLicenses(card, rules, repoFiles, fileFindings), ...identifyCardSection(card, rules));
    const sections = findCardComponents(card, found);
    sections.forEach((section, i) => {
      if (section.level > 0 && isDataHeading(section.heading)) {
        const text = sectionWithChildren(sections, i);
        dataTexts.push({ source: { file: card.file, line: section.line }, text });
        // MOT convention: a model card that holds the data information counts as the data card.
        if (assessDataInformation([{ source: { file: card.file }, text }], rules).missing.length === 0) {
          add(found, 'data-card', { file: card.file, line: section.line, kind: 'card-section', detail: section.heading });
        }
      }
    });
  }
  // Terms stated anywhere in a card body bind: sentences and table rows (issue 10). A sub-folder's card binds its folder.
  if (card) {
    // A sentence the License/Terms section reading already quoted, or whose license it already found ("The weights are
    // released under the Llama 2 Community License" in a License section), is one finding, not two.
    const key = (l: LicenseFinding) => `${l.source.line}\t${l.addedTerms ? '' : l.expression}`;
    const found = new Set(licenses.filter((l) => l.source.file === card.file).map(key));
    licenses.push(...identifyCardTerms(card, rules).filter((f) => !found.has(key(f))), ...identifyMetadataTerms(card, rules));
  }
  // A data card or datasheet is read as a card body is: terms it states ("Usage | Internal evaluation only") bind. So is
  // any other prose of the release (docs/usage.md, weights/README.md), by rules/card-terms.yaml's `prose` reading.
  const asCard = (doc: TextDocument): CardDocument => ({ file: doc.file, metadata: Object.create(null) as CardDocument['metadata'], lines: {}, body: doc.text, bodyLine: 1 });
  for (const doc of documents.docs) licenses.push(...identifyCardTerms(asCard(doc), rules));
  for (const doc of documents.prose ?? []) licenses.push(...identifyCardTerms(asCard(doc), rules, { kind: 'repo' }, true));
  // So are the comments of source and config files ("# These weights may be used for non-commercial research only.").
  licenses.push(...identifyCommentTerms(documents.comments ?? [], rules));
  for (const other of documents.otherCards ?? []) {
    const scope = other.folder ? { kind: 'path' as const, prefix: other.folder } : undefined;
    const found = [...identifyCardLicenses(other, rules, repoFiles, fileFindings), ...identifyCardTerms(other, rules, scope), ...identifyMetadataTerms(other, rules, scope)];
    licenses.push(...(scope ? found.map((f) => ({ ...f, scope })) : found));
  }
  licenses.push(...fileFindings);
  const licenseFiles = new Set(documents.licenseTexts.map((d) => d.file));
  for (const doc of documents.manifests ?? []) licenses.push(...identifyManifestLicense(doc.file, doc.text, rules, licenseFiles));
  for (const found of [identifyConfigTerms(documents.metadataFiles ?? [], rules), identifyConfigTerms(documents.otherMetadata ?? [], rules, true), identifyHeaderTerms(documents.weightsHeaders ?? [], rules)]) {
    licenses.push(...found.findings);
    problems.push(...found.problems);
  }
  // A card that names no license, beside no license file, manifest or header that does: its own finding.
  if (card && !['license', 'license_name', 'license_link'].some((k) => card.metadata[k] !== undefined && card.metadata[k] !== null)
    && !licenses.some((l) => l.source.kind !== 'card-section')) problems.push({ code: 'card-license-missing', file: card.file, line: 1 });

  const clarified = applyClarifications(licenses, clarifications, documents.hashes ?? [], rules, scopeOfLicenseFile);
  licenses.splice(0, licenses.length, ...clarified.licenses);
  problems.push(...clarified.problems);
  licenses.push(...identifyHeaderLicenses(documents.weightsHeaders ?? [], rules));
  const lineage = identifyLineage(card, documents.weightsHeaders ?? [], rules, { configs: documents.configs ?? [], metadata: [...(documents.metadataFiles ?? []), ...(documents.otherMetadata ?? [])], resolved: bases });
  licenses.push(...lineage.findings);
  if (remote) licenses.push(...applyRemoteLineage(lineage.links, remote, rules, problems));
  const datasets = card ? identifyDatasets(card, rules, (line) => found.get('evaluation-data')?.some((e) => e.line === line) ?? false) : [];
  if (remote) applyRemoteDatasets(datasets, remote, rules, problems);
  datasets.forEach((d) => add(found, 'datasets', { file: d.file, ...(d.line ? { line: d.line } : {}), kind: d.via, detail: d.license ? `${d.id} (${d.license})` : d.id }));
  // An unknown dataset is settled by the data's own files in the repo, or by a datasets declaration that names a license.
  const datasetsSettled = (found.get('datasets') ?? []).some((e) => e.kind === 'file') || declarations.some((d) => d.component === 'datasets' && d.license);
  licenses.push(...datasetFindings(datasets, 'datasets', { unknownBinds: !datasetsSettled }));
  const evalLinks = (found.get('evaluation-data') ?? []).filter((e) => e.kind === 'card-link');
  if (!(found.get('evaluation-data') ?? []).some((e) => e.kind === 'file')) {
    const described = evalLinks.map((e) => describeDataset({ id: hubId(e.detail ?? '', 'dataset') ?? '', via: 'card-link', file: e.file, ...(e.line ? { line: e.line } : {}) }, rules));
    licenses.push(...datasetFindings(described, 'evaluation-data'));
  }
  if (card) licenses.push(...linkedLicenses(card, found, rules));
  if (remote) licenses.push(...remoteCodeLicenses(found, remote, rules));
  licenses.push(...declare(declarations, rules, found, problems));
  // A model card declared elsewhere (as MOT records do) is the card: its absence from the folder is a note, not an error.
  const missing = problems.findIndex((p) => p.code === 'card-missing');
  if (missing >= 0 && (found.get('model-card') ?? []).some((e) => e.kind === 'declaration')) problems[missing] = { code: 'card-declared-elsewhere' };
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
    // Weights not in the folder (a card-only mirror) are still the card's: its license and the inherited terms answer
    // which freedoms the model's license restricts, while the status stays absent.
    const termsOnly = status === 'absent' && c.id === 'model-parameters-final' && card !== undefined;
    const license = governingLicense(licenses, c.id, c.group, status === 'present' ? files : termsOnly ? [] : undefined, evidence.length > 0 || termsOnly);
    return { id: c.id, status, evidence, ...(license ? { license } : {}) };
  });

  return {
    ...(remote ? { sources: resolvedSources(remote, rules) } : {}),
    licenses,
    components,
    dataInformation: assessDataInformation(dataTexts, rules),
    access: remote ? applyRemoteAccess(readAccess(card?.metadata ?? {}, card?.lines ?? {}, rules.cardTerms), remote) : readAccess(card?.metadata ?? {}, card?.lines ?? {}, rules.cardTerms),
    conflicts: findConflicts(licenses),
    lineage: lineage.links,
    datasets,
    problems,
  };
}
