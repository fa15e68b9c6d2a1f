// npm run bench: what a Hub check of a four-shard model (4 x 4 GiB of virtual tensors) costs against the local Hub.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHubServer } from '../test/helpers/hub-server.mjs';
import { hubWorld } from '../test/helpers/hub-world.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const server = await startHubServer(hubWorld());
const tmp = mkdtempSync(join(tmpdir(), 'osai-hub-bench-'));

function run(env) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['dist/cli.js', 'check', 'hf:acme/open-sharded', '--profile', 'open-weights', '--format', 'json'], { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve({ code, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
  });
}

const cold = [];
let cost;
for (let i = 0; i < runs; i++) {
  server.stats.requests = 0; server.stats.bytes = 0;
  cold.push((await run({ ...server.env, HF_HOME: join(tmp, 'none'), OSAI_CACHE_DIR: join(tmp, `cache-${i}`) })).ms);
  cost = { requests: server.stats.requests, bytes: server.stats.bytes };
}
server.stats.requests = 0; server.stats.bytes = 0;
const warm = (await run({ ...server.env, HF_HOME: join(tmp, 'none'), OSAI_CACHE_DIR: join(tmp, 'cache-0') })).ms;
const warmCost = { requests: server.stats.requests, bytes: server.stats.bytes };
cold.sort((a, b) => a - b);
console.log(`hub check of a four-shard model (16 GiB of tensors), local Hub on 127.0.0.1, median of ${runs} cold runs`);
console.log(`  ${cold[Math.floor(runs / 2)].toFixed(1).padStart(8)} ms  osai check hf:acme/open-sharded (${cost.requests} requests, ${cost.bytes} bytes served; targets < 30 and < 1 MB)`);
console.log(`  ${warm.toFixed(1).padStart(8)} ms  the same with a warm cache (${warmCost.requests} requests, ${warmCost.bytes} bytes)`);
await server.close();
rmSync(tmp, { recursive: true, force: true });
