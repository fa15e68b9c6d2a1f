// The README is a contract: every command and flag its code blocks show exists and runs, every finding code has an
// entry (the anchor SARIF's helpUri points at), and no merge-conflict marker can land in it.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { fixture, ROOT, runCli } from './helpers/run-cli.js';

const README = readFileSync(`${ROOT}README.md`, 'utf8');

/** The fenced code blocks of a Markdown text, with their info string and the line each starts on. */
function codeBlocks(text: string): { lang: string; line: number; body: string[] }[] {
  const blocks: { lang: string; line: number; body: string[] }[] = [];
  let open: { lang: string; line: number; body: string[] } | undefined;
  text.split('\n').forEach((row, i) => {
    const fence = /^\s*```(\w*)/.exec(row);
    if (fence && !open) open = { lang: fence[1]!, line: i + 1, body: [] };
    else if (fence && open) { blocks.push(open); open = undefined; } else open?.body.push(row);
  });
  return blocks;
}

/** Each osai command a block shows: the subcommand, its flags and the README line, from `osai x …` lines and usage lists. */
function shownCommands(): { command: string; flags: string[]; line: number; text: string }[] {
  const shown: { command: string; flags: string[]; line: number; text: string }[] = [];
  for (const block of codeBlocks(README)) {
    if (!['', 'sh', 'bash', 'yaml'].includes(block.lang)) continue;
    let usage: { command: string; flags: string[]; line: number; text: string } | undefined;
    block.body.forEach((row, i) => {
      const line = block.line + 1 + i;
      const code = row.replace(/\s#\s.*$/, '');
      // Usage lists (the Usage block): `osai check [path]   description` then indented `-p, --profile <id>` rows.
      const head = /^osai (\w+)(?: [[<][^\s]*)?\s{2,}/.exec(code) ?? (block.lang === '' ? /^osai (\w+)\b/.exec(code) : null);
      if (head) { usage = { command: head[1]!, flags: [], line, text: row }; shown.push(usage); return; }
      if (usage && /^\s+(-\w, )?--[\w-]+/.test(code)) { usage.flags.push(...(code.trim().split(/\s{2,}/)[0]!.match(/--?[\w-]+/g) ?? [])); return; }
      for (const m of code.matchAll(/(?:npx osai|(?<![\w/-])osai|node \S*dist\/cli\.js) (\w+)([^&|;>]*)/g)) {
        shown.push({ command: m[1]!, flags: m[2]!.match(/(?<=\s)--?[a-zA-Z][\w-]*/g) ?? [], line, text: m[0] });
      }
    });
  }
  return shown;
}

/** The flags `osai <command> --help` lists (long and short), and whether each takes a value. */
function helpFlags(command: string): Map<string, boolean> {
  const { stdout } = runCli([command, '--help']);
  const flags = new Map<string, boolean>();
  for (const m of stdout.matchAll(/^\s+(?:(-\w), )?(--[\w-]+)( <[\w-]+>| \[[\w-]+\])?/gm)) {
    if (m[1]) flags.set(m[1], Boolean(m[3]));
    flags.set(m[2]!, Boolean(m[3]));
  }
  return flags;
}

const commands = shownCommands();
const subcommands = [...new Set(commands.map((c) => c.command))];

describe('README.md', () => {
  test('has no merge-conflict marker (nor does any Markdown file at the top of the repository)', () => {
    const files = readdirSync(ROOT).filter((f) => f.endsWith('.md'));
    for (const file of files) {
      const text = readFileSync(`${ROOT}${file}`, 'utf8');
      const marker = text.split('\n').findIndex((row) => /^(<{7}|={7}|>{7})( |$)/.test(row));
      expect(marker, `${file}:${marker + 1} is a merge-conflict marker; resolve the conflict`).toBe(-1);
    }
  });

  test('shows the commands it documents', () => {
    expect(subcommands).toEqual(expect.arrayContaining(['check', 'init', 'licenses', 'explain', 'lock']));
  });

  test.each(subcommands)('every flag shown for `osai %s` exists', (command) => {
    const known = helpFlags(command);
    expect(known.size, `osai ${command} --help lists no flags: is "${command}" a command?`).toBeGreaterThan(0);
    for (const shown of commands.filter((c) => c.command === command)) {
      for (const flag of shown.flags) {
        expect(known.has(flag), `README.md:${shown.line} shows \`osai ${command} ${flag}\`, which osai ${command} --help does not list`).toBe(true);
      }
    }
  });

  // Flags that need the network are shown but not run: tests are offline.
  const NETWORK = new Set(['--online']);
  const VALUE: Record<string, string> = {
    '--profile': 'mof-class-3', '-p': 'mof-class-3', '--format': 'json', '-f': 'json', '--token': 'unused',
    '--config': fixture('policy-ignore/.osai.yml'), '-c': fixture('policy-ignore/.osai.yml'),
  };

  test.each(['check', 'init', 'licenses', 'explain'])('every flag shown for `osai %s` runs offline', (command) => {
    const known = helpFlags(command);
    const flags = [...new Set(commands.filter((c) => c.command === command).flatMap((c) => c.flags))].filter((f) => !NETWORK.has(f));
    for (const flag of flags) {
      const dir = mkdtempSync(join(tmpdir(), 'osai-readme-'));
      try {
        cpSync(fixture('llama-3-weights'), join(dir, 'repo'), { recursive: true });
        const value = known.get(flag) ? [flag === '--output' || flag === '-o' ? join(dir, 'out.txt') : VALUE[flag] ?? 'json'] : [];
        const args = command === 'explain' ? ['explain', 'llama3.1', flag, ...value]
          : command === 'licenses' ? ['licenses', flag, ...value]
            : [command, join(dir, 'repo'), flag, ...value];
        const r = runCli(args, dir);
        const ok = command === 'check' ? [0, 1] : [0];
        expect(ok, `osai ${args.slice(0, 1).join(' ')} ${flag} ${value.join(' ')} exited ${r.code}: ${r.stderr}`).toContain(r.code);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('the commands it shows on fixtures run as shown', () => {
    const local = commands.filter((c) => /fixtures\/[\w-]+/.test(c.text));
    expect(local.length).toBeGreaterThan(0);
    for (const c of local) {
      const args = c.text.replace(/^(npx osai|osai|node \S*dist\/cli\.js) /, '').trim().split(/\s+/);
      expect(existsSync(`${ROOT}${args[1]}`), `README.md:${c.line}: ${args[1]} does not exist`).toBe(true);
      expect([0, 1], `README.md:${c.line}: osai ${args.join(' ')}`).toContain(runCli(args).code);
    }
  });

  test('every finding code in rules/messages.yaml has an entry under "Finding codes", and every entry is a code', () => {
    const codes = Object.keys(parse(readFileSync(`${ROOT}rules/messages.yaml`, 'utf8')) as object);
    const anchors = new Set([...README.matchAll(/<a id="code-([a-z0-9-]+)"><\/a>/g)].map((m) => m[1]!));
    for (const code of codes) {
      expect(anchors.has(code), `README.md has no entry for the finding code "${code}": add the row `
        + `| <a id="code-${code}"></a>\`${code}\` | what it says | to the table under "## Finding codes" (sorted by code)`).toBe(true);
    }
    for (const anchor of anchors) expect(codes, `README.md lists "${anchor}", which rules/messages.yaml does not define`).toContain(anchor);
  });

  test('the pre-commit example pins a version that exists (the CHANGELOG has it, and so does package.json or an older release)', () => {
    const rev = /rev: v(\d+\.\d+\.\d+)/.exec(README)?.[1];
    expect(rev, 'README.md shows no `rev: vX.Y.Z` for pre-commit').toBeDefined();
    const changelog = readFileSync(`${ROOT}CHANGELOG.md`, 'utf8');
    expect(changelog, `CHANGELOG.md has no "## ${rev}" section for the pinned rev v${rev}`).toMatch(new RegExp(`^## \\[?${rev!.replace(/\./g, '\\.')}\\]?`, 'm'));
  });
});
