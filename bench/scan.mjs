// npm run bench (bench/scan.mjs [repos] [memory-repos] [processes]): the CPU of `osai scan` over N generated model
// repositories in one process against `osai check` run once per repository, and the peak memory of a larger scan.
// The process side runs `processes` checks and extrapolates to N (each is the same start-up plus one check).
// CPU is the children's user+sys as bash's `times` reports it; peak memory is the scan's VmHWM from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.osai);
const [REPOS = 1000, MEMORY_REPOS = 10000, PROCESSES = 50] = process.argv.slice(2).map(Number);
const texts = createRequire(import.meta.url)('spdx-license-list/full');

/** A safetensors file of a header and no tensor data: what osai reads of real weights. */
function safetensors(license) {
  const header = Buffer.from(JSON.stringify({ __metadata__: { format: 'pt', license } }));
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([size, header]);
}

/** N model repositories: Apache-2.0, MIT and CC-BY-NC-4.0 releases with a card, a license text, config and weights. */
function generate(dir, n) {
  const kinds = [['apache-2.0', 'Apache-2.0'], ['mit', 'MIT'], ['cc-by-nc-4.0', 'CC-BY-NC-4.0']];
  for (let i = 0; i < n; i++) {
    const [hub, spdx] = kinds[i % kinds.length];
    const repo = join(dir, `model-${String(i).padStart(5, '0')}`);
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'README.md'), `---\nlicense: ${hub}\nlibrary_name: transformers\n---\n\n# Model ${i}\n\nA generated model.\n`);
    writeFileSync(join(repo, 'LICENSE'), texts[spdx].licenseText);
    writeFileSync(join(repo, 'config.json'), JSON.stringify({ architectures: ['ToyForCausalLM'], model_type: 'toy', hidden_size: 64 }));
    writeFileSync(join(repo, 'model.safetensors'), safetensors(spdx));
  }
}

/** Children's CPU seconds (user + sys) of a shell command, from bash's `times`. */
function cpuOf(command) {
  const r = spawnSync('bash', ['-c', `${command}\ntimes`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const line = r.stdout.trim().split('\n').at(-1);
  const [user, sys] = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { cpu: user + sys, stdout: r.stdout, status: r.status };
}

/** Peak resident memory (MB) of a scan, sampled from /proc while it runs; its exit code and its output's line count. */
function peakOf(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let peak = 0; let lines = 0;
    child.stdout.on('data', (d) => { for (const b of d) if (b === 10) lines++; });
    const sample = () => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb);
      } catch { /* gone */ }
    };
    const timer = setInterval(sample, 20);
    child.on('exit', (code) => { clearInterval(timer); resolve({ peakMb: peak / 1024, code, lines }); });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'osai-bench-scan-'));
try {
  const fleet = join(tmp, 'fleet');
  generate(fleet, REPOS);
  const q = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  const scanned = cpuOf(`${q(process.execPath)} ${q(BIN)} scan ${q(fleet)} --format jsonl > ${q(join(tmp, 'scan.jsonl'))}`);
  // One line per repository, then the end record.
  const lines = readFileSync(join(tmp, 'scan.jsonl'), 'utf8').trim().split('\n').length - 1;
  const checks = [];
  for (let i = 0; i < PROCESSES; i++) checks.push(`${q(process.execPath)} ${q(BIN)} check ${q(join(fleet, `model-${String(Math.floor((i * REPOS) / PROCESSES)).padStart(5, '0')}`))} > /dev/null`);
  const processes = cpuOf(checks.join('\n'));
  const perProcess = processes.cpu / PROCESSES;
  const extrapolated = perProcess * REPOS;

  const big = join(tmp, 'big');
  generate(big, MEMORY_REPOS);
  const memory = await peakOf(['scan', big, '--format', 'jsonl']);

  console.log(`osai scan vs one osai check per repository (node ${process.version})`);
  console.log(`  scan of ${REPOS} repos, one process:        ${scanned.cpu.toFixed(2)} s CPU (${lines} result lines, ${((scanned.cpu / REPOS) * 1000).toFixed(1)} ms each)`);
  console.log(`  ${PROCESSES} osai check processes:            ${processes.cpu.toFixed(2)} s CPU (${(perProcess * 1000).toFixed(0)} ms each)`);
  console.log(`  ${REPOS} processes, extrapolated:          ${extrapolated.toFixed(1)} s CPU`);
  console.log(`  ratio:                                  ${(extrapolated / scanned.cpu).toFixed(1)}x less CPU in one process (target >= 20x)`);
  console.log(`  peak memory, scan of ${MEMORY_REPOS} repos:      ${memory.peakMb.toFixed(0)} MB (target < 200 MB; ${memory.lines - 1} results, exit ${memory.code})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
