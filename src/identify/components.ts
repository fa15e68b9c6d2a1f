// Finds each of the 17 components in the repo's files and in what the card says or links to.
import type { CardDocument, ComponentEvidenceItem, FileTopic, InventoryFile } from '../model.js';
import { splitSections, type Section } from './markdown-sections.js';

/** Which component a file stands for, by role and topic. */
const BY_TOPIC: Partial<Record<FileTopic, string>> = {
  training: 'training-code', inference: 'inference-code', evaluation: 'evaluation-code',
  preprocessing: 'data-preprocessing-code', architecture: 'model-architecture', tokenizer: 'supporting-libraries-and-tools',
  manifest: 'supporting-libraries-and-tools', 'data-card': 'data-card', paper: 'research-paper',
  'technical-report': 'technical-report', 'evaluation-results': 'evaluation-results', 'sample-outputs': 'sample-model-outputs',
  checkpoint: 'model-parameters-intermediate', 'training-metadata': 'model-metadata',
};

function componentOfFile(file: InventoryFile): string | undefined {
  if (file.topic && BY_TOPIC[file.topic]) return BY_TOPIC[file.topic];
  if (file.role === 'weights' && file.topic !== 'weights-index') return 'model-parameters-final';
  if (file.role === 'model-card') return 'model-card';
  if (file.role === 'dataset-card') return 'data-card';
  if (file.role === 'data') return /(^|\/)(eval|evaluation|test|benchmark)s?\//i.test(file.path) ? 'evaluation-data' : 'datasets';
  return undefined;
}

export type Found = Map<string, ComponentEvidenceItem[]>;

export function add(found: Found, component: string, item: ComponentEvidenceItem): void {
  const list = found.get(component) ?? [];
  if (!list.some((e) => e.file === item.file && e.line === item.line && e.detail === item.detail)) list.push(item);
  found.set(component, list);
}

/** Evidence from files: present components. */
export function findComponentFiles(files: InventoryFile[], found: Found): void {
  for (const file of files) {
    const component = componentOfFile(file);
    if (component) add(found, component, { file: file.path, kind: 'file' });
  }
}

// A training-data section stands in for a data card only when it covers the data information (see identify.ts).
const SECTION_COMPONENTS: [RegExp, string][] = [[/evaluation|results|benchmark/i, 'evaluation-results']];
const LINKS: [RegExp, string][] = [
  [/https?:\/\/arxiv\.org\/(abs|pdf)\/[\w.\/-]+|\barxiv:\s?\d{4}\.\d{4,5}/gi, 'research-paper'],
  [/https?:\/\/(dx\.)?doi\.org\/[^\s)>\]]+/gi, 'research-paper'],
];

/** Evidence from the card: metadata keys, sections and links. Returns the sections for later readers. */
export function findCardComponents(card: CardDocument, found: Found): Section[] {
  add(found, 'model-card', { file: card.file, kind: 'file' });
  const datasets = card.metadata['datasets'];
  const list = Array.isArray(datasets) ? datasets : typeof datasets === 'string' ? [datasets] : [];
  list.forEach((id, i) => add(found, 'datasets', {
    file: card.file, line: card.lines[`datasets[${i}]`] ?? card.lines['datasets'], kind: 'card-metadata', detail: String(id),
  }));
  if (card.metadata['model-index'] !== undefined) {
    add(found, 'evaluation-results', { file: card.file, line: card.lines['model-index'], kind: 'card-metadata', detail: 'model-index' });
  }
  const sections = splitSections(card.body, card.bodyLine);
  for (const section of sections) {
    for (const [pattern, component] of SECTION_COMPONENTS) {
      if (section.level > 0 && pattern.test(section.heading) && hasContent(section.text)) {
        add(found, component, { file: card.file, line: section.line, kind: 'card-section', detail: section.heading });
      }
    }
  }
  const lines = card.body.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (!line.includes(':')) return; // every link pattern has one; skipping the rest keeps 1M-line bodies cheap
    for (const [pattern, component] of LINKS) {
      for (const match of line.matchAll(pattern)) {
        add(found, component, { file: card.file, line: card.bodyLine + i, kind: 'card-link', detail: match[0] });
      }
    }
  });
  return sections;
}

/** Template placeholders do not count as content. */
function hasContent(text: string): boolean {
  const stripped = stripComments(text.replace(/\[More Information Needed\]/gi, ''));
  return /\w{3,}/.test(stripped);
}

/** Drops HTML comments; an unclosed one runs to the end. indexOf, not a lazy regex, which is quadratic on many `<!--`. */
function stripComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    from = close + 3;
  }
  return out + text.slice(from);
}
