// Finds each of the 17 components in the repo's files and in what the card says or links to.
import type { CardDocument, ComponentEvidenceItem, FileTopic, InventoryFile, Problem } from '../../model.js';
import type { ComponentRule } from '../../ruleset/schema.js';
import { splitSections, type Section } from '../card/markdown-sections.js';

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

/** Evidence already recorded, by component and place: a set, so a line of 50,000 links stays linear. */
const seenEvidence = new WeakMap<Found, Set<string>>();

export function add(found: Found, component: string, item: ComponentEvidenceItem): void {
  let seen = seenEvidence.get(found);
  if (!seen) seenEvidence.set(found, (seen = new Set()));
  const key = JSON.stringify([component, item.file, item.line, item.detail]);
  if (seen.has(key)) return;
  seen.add(key);
  const list = found.get(component) ?? [];
  list.push(item);
  found.set(component, list);
}

/** `model-00001-of-00004.safetensors` → `model.safetensors`: the set a shard belongs to. */
const SHARD = /^(.*?)[-_](\d{1,6})-of-(\d{1,6})(\.[\w.]+)$/;

/**
 * Evidence from files: present components. A sharded set counts once, named by its index file when there is one.
 * A file below its component's `minBytes`, or weights whose header could not be read (`unreadable`), is a stub:
 * it is reported in `problems` and is not evidence, so the component stays missing unless something else shows it.
 */
export function findComponentFiles(
  files: InventoryFile[], found: Found, rules: readonly ComponentRule[] = [], problems: Problem[] = [], unreadable: ReadonlySet<string> = new Set(),
  lfsSizes: ReadonlyMap<string, number> = new Map(), placeholders: ReadonlySet<string> = new Set(),
): void {
  const minimum = new Map(rules.map((r) => [r.id, r.minBytes ?? 0]));
  const indexes = new Map(files.filter((f) => f.topic === 'weights-index').map((f) => [f.path.replace(/\.index\.json$/i, '').toLowerCase(), f.path]));
  const sets = new Map<string, number>();
  for (const listed of files) {
    const component = componentOfFile(listed);
    if (!component) continue;
    // A Git LFS pointer stands for the file it points to: its size is the pointer's `size`.
    const pointed = lfsSizes.get(listed.path);
    const file = pointed === undefined ? listed : { ...listed, size: pointed };
    if (file.size < (minimum.get(component) ?? 0)) {
      problems.push({ code: 'component-file-stub', file: file.path, args: { component, size: file.size, minimum: minimum.get(component)! } });
      continue;
    }
    if (placeholders.has(file.path)) {
      problems.push({ code: 'component-file-placeholder', file: file.path, args: { component } });
      continue;
    }
    if (unreadable.has(file.path)) {
      problems.push({ code: 'weights-file-unusable', file: file.path, args: { component } });
      continue;
    }
    const shard = file.role === 'weights' ? SHARD.exec(file.path) : null;
    if (!shard) { add(found, component, { file: file.path, kind: 'file', ...(pointed === undefined ? {} : { detail: `Git LFS pointer to ${pointed} bytes` }) }); continue; }
    const set = `${shard[1]}${shard[4]}`;
    if (sets.has(set)) continue;
    sets.set(set, Number(shard[3]));
    const index = indexes.get(set.toLowerCase());
    add(found, component, { file: index ?? file.path, kind: 'file', detail: `${Number(shard[3])} shards of ${set}` });
  }
}

// A training-data section stands in for a data card only when it covers the data information (see identify.ts).
const SECTION_COMPONENTS: [RegExp, string][] = [[/evaluation|results|benchmark/i, 'evaluation-results']];
const LINKS: [RegExp, string][] = [
  [/https?:\/\/arxiv\.org\/(abs|pdf)\/[\w.\/-]*[\w\/]|\barxiv:\s?\d{4}\.\d{4,5}/gi, 'research-paper'],
  [/https?:\/\/(dx\.)?doi\.org\/[^\s)>\]]*[^\s)>\].,;]/gi, 'research-paper'],
];
/** Sections that cite other work: a paper linked there is not the model's own. */
const OTHERS_WORK = /\b(related work|prior work|previous work|background|acknowledge?ments?|baselines?|see also|other models|comparisons?|further reading|inspired by)\b/i;
/** A paper link on a line or in a section that calls it a technical report is the technical report. */
const TECH_REPORT = /technical report|tech(nical)?[ -]report|model report|system card/i;
const CODE_HOST = /https?:\/\/(?:www\.)?(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|git\.sr\.ht)\/[\w.-]+\/[\w.-]+/gi;
/** Which code component a code-repository link stands for, from the words around it, its section and its name. */
const CODE_CONTEXT: [RegExp, string][] = [
  [/\b(train(ing|er)?|fine-?tun\w*|pre-?train\w*|sft|rlhf|dpo)\b/i, 'training-code'],
  [/\b(inference|serv(e|ing)|deploy\w*|generat(e|ion)|usage|run(ning)? the model|demo)\b/i, 'inference-code'],
  [/\b(eval\w*|benchmark\w*|harness)\b/i, 'evaluation-code'],
  [/\b(pre-?process\w*|data[ -]?(pipeline|processing|prep\w*|curation|cleaning|tools?)|dedup\w*|filter\w*|crawl\w*)\b/i, 'data-preprocessing-code'],
  [/\b(tokeni[sz]er|librar(y|ies)|toolkit|framework)\b/i, 'supporting-libraries-and-tools'],
];
const EVAL_SECTION = /\b(eval\w*|benchmark\w*|test(ing)? data|results)\b/i;
const HF_DATASET = /https?:\/\/(?:huggingface\.co|hf\.co)\/datasets\/[\w.-]+(?:\/[\w.-]+)?/gi;
/** A section for code in general: a bare repository link there stands for the training and inference code. */
const CODE_SECTION = /\b(code|source|repositor(y|ies)|github|software|resources|links)\b/i;

/** Evidence from the card: metadata keys, sections and links. Returns the sections for later readers. */
export function findCardComponents(card: CardDocument, found: Found): Section[] {
  add(found, 'model-card', { file: card.file, kind: 'file' });
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
    // "Code: https://github.com/org/repo (coming soon)": a link to where it will be is not the component.
    if (isNotYetReleased(line)) return;
    const at = card.bodyLine + i;
    const heading = sectionAt(sections, at)?.heading ?? '';
    // Once per line, not per link: a line of 50,000 links must not rescan itself 50,000 times.
    const report = TECH_REPORT.test(line) || TECH_REPORT.test(heading);
    // Papers the authors cite (Related work, Acknowledgements, Baselines) are other people's work, not this model's paper.
    for (const [pattern, component] of OTHERS_WORK.test(heading) ? [] : LINKS) {
      for (const match of line.matchAll(pattern)) {
        add(found, report ? 'technical-report' : component, { file: card.file, line: at, kind: 'card-link', detail: match[0] });
      }
    }
    // A dataset linked from an evaluation section is the evaluation data; elsewhere it is training data (lineage.ts).
    if (EVAL_SECTION.test(heading)) {
      for (const match of line.matchAll(HF_DATASET)) add(found, 'evaluation-data', { file: card.file, line: at, kind: 'card-link', detail: match[0] });
    }
    for (const match of line.matchAll(CODE_HOST)) {
      if (!isRepositoryLink(match[0], line.slice(match.index + match[0].length))) continue;
      // The words around the link, not the whole line: bounded work per link however long the line.
      const around = line.slice(Math.max(0, match.index - 300), match.index + match[0].length + 300);
      for (const { component, detail } of codeLinkComponents(match[0], around, heading)) {
        add(found, component, { file: card.file, line: at, kind: 'card-link', detail });
      }
    }
  });
  return sections;
}

/** Words that say what a link points to is not out yet. */
const NOT_YET = /\b(coming soon|available soon|to be released|will be (?:released|published|made (?:public|available)|open[- ]?sourced|uploaded|added|available)|(?:is|are) not (?:yet )?(?:released|public|available)|not yet (?:released|public|available)|upon (?:acceptance|publication|request)|after (?:acceptance|publication)|\bTBA\b|\bTBD\b|work in progress|under construction)\b/i;

const NOT_YET_WORDS = ['soon', 'releas', 'publi', 'open', 'upload', 'added', 'availab', 'upon', 'after', 'tba', 'tbd', 'progress', 'construction'];

/** True when a line says that what it links is not released yet ("coming soon", "will be released"). */
export function isNotYetReleased(line: string): boolean {
  const head = line.slice(0, 4096);
  // Each alternative of NOT_YET holds one of these: a line without any is not compiled against it.
  const lower = head.toLowerCase();
  return NOT_YET_WORDS.some((w) => lower.includes(w)) && NOT_YET.test(head);
}

/** First path segments that are a code host's own pages, not an owner: github.com/sponsors/x, github.com/orgs/x. */
const HOST_PAGES = /^(sponsors|orgs|users|features|topics|collections|marketplace|apps|settings|login|signup|join|search|explore|trending|notifications|about|pricing|enterprise|security|site|readme|events|customer-stories|codespaces|dashboard|groups|help|-)$/i;
/** What follows owner/repo when the link is a conversation or a page about the repository, not its code. */
const NOT_CODE = /^\/(issues|pulls?|discussions|wiki|projects|actions|security|pulse|graphs|network|stargazers|watchers|forks|milestones?|labels|merge_requests|-\/(issues|merge_requests|wikis|milestones|labels))(\/|[?#]|$)/i;

/** A link to a repository's code (its root, a tree, a file, a release), not to an issue, a profile or a host page. */
export function isRepositoryLink(url: string, after: string): boolean {
  const owner = url.replace(/^https?:\/\/[^/]+\//, '').split('/')[0] ?? '';
  return !HOST_PAGES.test(owner) && !NOT_CODE.test(after);
}

/** The components a code-repository link stands for: words on its line first, then its section, then its name. */
export function codeLinkComponents(url: string, line: string, heading: string): { component: string; detail: string }[] {
  const name = url.replace(/^https?:\/\/[^/]+\//, '').replace(/[-_/.]/g, ' ');
  const words = line.replace(url, ' ');
  for (const [where, text] of [['line', words], ['section', heading], ['repository name', name]] as const) {
    const hits = CODE_CONTEXT.filter(([pattern]) => pattern.test(text)).map(([, component]) => component);
    if (hits.length > 0) return hits.map((component) => ({ component, detail: `${url} (${component.replace(/-/g, ' ')}, from its ${where})` }));
  }
  if (CODE_SECTION.test(heading)) {
    const detail = `${url} (a bare repository link in the "${heading}" section: counted as training and inference code)`;
    return [{ component: 'training-code', detail }, { component: 'inference-code', detail }];
  }
  return [];
}

function sectionAt(sections: Section[], line: number): Section | undefined {
  let current: Section | undefined;
  for (const s of sections) if (s.line <= line) current = s;
  return current;
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
