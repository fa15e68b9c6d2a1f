// npm run bench: wall time of `osai check` on shipped fixtures beside `node -e 0`, median of N runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).bin.osai;
const runs = Number(process.env.BENCH_RUNS ?? 15);

function median(cmd, args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
    if (r.error) throw r.error;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows = [
  ['node -e 0', median(process.execPath, ['-e', '0'])],
  ['osai --version', median(process.execPath, [BIN, '--version'])],
  ['osai check fixtures/mit-weights-only', median(process.execPath, [BIN, 'check', 'fixtures/mit-weights-only'])],
  ['osai check fixtures/apache-weights-full-release', median(process.execPath, [BIN, 'check', 'fixtures/apache-weights-full-release', '--format', 'json'])],
  ['osai check fixtures/llama-3-weights', median(process.execPath, [BIN, 'check', 'fixtures/llama-3-weights'])],
];
console.log(`start-up and end-to-end wall time, median of ${runs} runs (node ${process.version})`);
for (const [name, ms] of rows) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
