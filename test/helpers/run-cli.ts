// Spawns the built CLI as a user would (package.json `bin`: the bundle's loader), with colour off.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = `${ROOT}${(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { bin: { osai: string } }).bin.osai}`;
export const fixture = (name: string) => `${ROOT}fixtures/${name}`;

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], cwd = ROOT): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
