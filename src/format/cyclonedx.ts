// CycloneDX 1.6 JSON (an AI bill of materials): one machine-learning-model component per model with its modelCard,
// its datasets as data components, its base models as pedigree and dependencies, and osai's verdicts as properties.
// Built with the CycloneDX library; the parts of 1.6 it does not model (modelCard, pedigree, evidence occurrences)
// are added to its normalized output, and tests validate the whole against the official 1.6 schema.
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { Report } from '../report/types.js';
import type { FormatOptions } from './index.js';

/** What the BOM says about one model: a compact digest of its report (or of why there is none). */
export interface BomModel {
  ref: string; name: string; version?: string; purl?: string;
  /** The license of the weights as osai concluded it, and every source it read a license from. */
  license?: string;
  licenseSources: { expression: string; file: string; line?: number; kind: string }[];
  verdict: string; profile: string; profiles: Record<string, string>;
  components: { id: string; status: string }[];
  bases: string[]; datasets: { id: string; license?: string }[];
  occurrences: { location: string; line?: number }[];
  message?: string;
}

const HUB_ID = /^[\w.-]+\/[\w.-]+$/;
const LIBRARY_FACTORY = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6);

export default function formatCycloneDx(report: Report, _options?: FormatOptions): string {
  return cycloneDxBom([bomModelOf(report.target.path, report)], report.tool);
}

/** The digest of one report: base models and datasets from its lineage and dataset findings and remote sources. */
export function bomModelOf(id: string, report: Report | undefined, extra: Partial<BomModel> = {}): BomModel {
  const hubName = report?.target.model ?? (/^hf:/.test(id) ? id.replace(/^hf:/, '').replace(/@.*$/, '') : undefined);
  const version = report?.target.revision;
  const bases = new Set<string>();
  const datasets = new Map<string, string | undefined>();
  for (const l of report?.licenses ?? []) {
    const base = /^base model (?:chain )?([^\s→]+)/.exec(l.raw ?? '')?.[1];
    if (l.source.kind === 'lineage' && base) bases.add(base);
    const dataset = /^dataset (\S+)/.exec(l.raw ?? '')?.[1];
    if (l.source.kind === 'dataset' && dataset) datasets.set(dataset, l.expression);
  }
  for (const f of report?.findings ?? []) if (typeof f.args['base'] === 'string') bases.add(f.args['base']);
  for (const s of report?.sources ?? []) {
    if (s.kind === 'base-model') bases.add(s.id.replace(/^hf:/, ''));
    if (s.kind === 'dataset' && !datasets.has(s.id.replace(/^hf:(datasets\/)?/, ''))) datasets.set(s.id.replace(/^hf:(datasets\/)?/, ''), s.license);
  }
  const weights = report?.components.find((c) => c.id === 'model-parameters-final')?.license;
  return {
    ref: id, name: hubName ?? id,
    ...(version ? { version } : {}),
    ...(hubName && HUB_ID.test(hubName) ? { purl: purlOf(hubName, version) } : {}),
    ...(weights ? { license: weights } : {}),
    licenseSources: (report?.licenses ?? []).map((l) => ({ expression: l.expression, file: l.source.file, ...(l.source.line ? { line: l.source.line } : {}), kind: l.source.kind })),
    verdict: report?.profile.verdict ?? 'unknown', profile: report?.profile.id ?? 'osaid-1.0',
    profiles: Object.fromEntries((report?.profiles ?? []).map((p) => [p.id, p.verdict])),
    components: (report?.components ?? []).map((c) => ({ id: c.id, status: c.status })),
    bases: [...bases].sort(), datasets: [...datasets].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, license]) => ({ id: d, ...(license ? { license } : {}) })),
    occurrences: [],
    ...extra,
  };
}

/** One BOM for many models; base models and datasets shared by several appear once. Deterministic: no timestamp. */
export function cycloneDxBom(models: Iterable<BomModel>, tool: { name: string; version: string }): string {
  const bom = new Models.Bom();
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, tool.name, { version: tool.version }));
  const byRef = new Map<string, Models.Component>();
  const added: { model: BomModel; component: Models.Component }[] = [];
  for (const model of models) {
    if (byRef.has(model.ref)) continue;
    const component = new Models.Component(Enums.ComponentType.MachineLearningModel, model.name, {
      bomRef: model.ref, ...(model.version ? { version: model.version } : {}), ...(model.purl ? { purl: model.purl } : {}),
    });
    addLicense(component, model.license);
    const props: [string, string][] = [['osai:verdict', model.verdict], ['osai:profile', model.profile],
      ...Object.entries(model.profiles).map(([p, v]): [string, string] => [`osai:profile:${p}`, v]),
      ...model.licenseSources.map((s): [string, string] => ['osai:license-source', `${s.expression} @ ${s.file}${s.line ? `:${s.line}` : ''} (${s.kind})`]),
      ...(model.message ? [['osai:message', model.message] as [string, string]] : [])];
    for (const [name, value] of props) component.properties.add(new Models.Property(name, value));
    byRef.set(model.ref, component);
    added.push({ model, component });
    bom.components.add(component);
  }
  for (const { model, component } of added) {
    for (const base of model.bases) {
      const ref = `hf:${base}`;
      if (!byRef.has(ref)) {
        const c = new Models.Component(Enums.ComponentType.MachineLearningModel, base, { bomRef: ref, ...(HUB_ID.test(base) ? { purl: purlOf(base) } : {}) });
        byRef.set(ref, c);
        bom.components.add(c);
      }
      component.dependencies.add(byRef.get(ref)!.bomRef);
    }
    for (const dataset of model.datasets) {
      const ref = `hf:datasets/${dataset.id}`;
      if (!byRef.has(ref)) {
        const c = new Models.Component(Enums.ComponentType.Data, dataset.id, { bomRef: ref });
        addLicense(c, dataset.license);
        byRef.set(ref, c);
        bom.components.add(c);
      }
      component.dependencies.add(byRef.get(ref)!.bomRef);
    }
  }
  const normalized = LIBRARY_FACTORY.makeForBom().normalize(bom, { sortLists: true }) as unknown as { components?: Record<string, unknown>[] };
  const digests = new Map(added.map(({ model }) => [model.ref, model]));
  for (const c of normalized.components ?? []) {
    const model = digests.get(String(c['bom-ref']));
    if (c['type'] === 'data') c['data'] = [{ type: 'dataset', name: c['name'] }];
    if (!model) continue;
    c['modelCard'] = {
      modelParameters: { datasets: model.datasets.map((d) => ({ ref: `hf:datasets/${d.id}` })) },
      properties: model.components.map((x) => ({ name: `osai:component:${x.id}`, value: x.status })),
    };
    if (model.bases.length > 0) {
      c['pedigree'] = { ancestors: model.bases.map((b) => ({ type: 'machine-learning-model', name: b, ...(HUB_ID.test(b) ? { purl: purlOf(b) } : {}) })) };
    }
    if (model.occurrences.length > 0) c['evidence'] = { occurrences: model.occurrences };
  }
  return `${JSON.stringify(normalized, null, 2)}\n`;
}

/** An SPDX expression when osai identified one (LicenseRef- ids included), else the words osai could not identify. */
function addLicense(component: Models.Component, expression: string | undefined): void {
  if (!expression) return;
  const spdx = /^[\w.+\-() ]+$/.test(expression) && !/\bunknown\b/i.test(expression);
  component.licenses.add(spdx ? new Models.LicenseExpression(expression) : new Models.NamedLicense(`not identified by osai: ${expression}`));
}

/** A package URL for a Hub model (purl type `huggingface`, the owner as namespace). */
function purlOf(repo: string, revision?: string): string {
  const [owner, name] = repo.split('/').map((p) => encodeURIComponent(p));
  return `pkg:huggingface/${owner}/${name}${revision ? `@${encodeURIComponent(revision)}` : ''}`;
}
