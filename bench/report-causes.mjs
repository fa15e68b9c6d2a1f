// Counts findings and SARIF results for the issue-13 fixtures, and SARIF results over all fixtures that repeat
// another result's rule and location (what GitHub's 10-annotations-a-step cap then shows). `node bench/report-causes.mjs`
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli.cjs`;
const run = (fixture, format) => {
  try {
    return execFileSync(process.execPath, [cli, 'check', `fixtures/${fixture}`, '--format', format], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) { return error.stdout; }
};
const named = ['llama-3-weights', 'card-apache-license-llama-3', 'card-license-name-with-rider', 'osi-falcon-like-fails-on-terms'];
for (const f of named) {
  const json = JSON.parse(run(f, 'json'));
  const sarif = JSON.parse(run(f, 'sarif'));
  const lines = run(f, 'text').split('\n').length - 1;
  console.log(`${f}: ${json.findings.length} findings, ${sarif.runs[0].results.length} SARIF results, ${lines} text lines`);
}
let total = 0; let repeats = 0;
for (const f of readdirSync(`${root}fixtures`)) {
  let sarif;
  try { sarif = JSON.parse(run(f, 'sarif')); } catch { continue; }
  const seen = new Set();
  for (const r of sarif.runs[0].results) {
    const loc = r.locations?.[0]?.physicalLocation;
    const key = JSON.stringify([r.ruleId, loc?.artifactLocation?.uri, loc?.region?.startLine]);
    total++;
    if (seen.has(key)) repeats++; else seen.add(key);
  }
}
console.log(`all fixtures: ${repeats} of ${total} SARIF results repeat another's rule and location`);
