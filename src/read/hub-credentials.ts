// The Hub endpoint and token as the Hub's own tools take them: HF_ENDPOINT, --token, HF_TOKEN, then the login token file.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

export interface HubCredentials { hubUrl: string; accessToken?: string; tokenSource?: string }

type Env = Record<string, string | undefined>;

/** Where `huggingface-cli login` (`hf auth login`) writes the token. */
export function tokenFile(env: Env = process.env): string {
  if (env['HF_TOKEN_PATH']) return env['HF_TOKEN_PATH'];
  const home = env['HF_HOME'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'huggingface');
  return join(home, 'token');
}

/** `--token` first, then HF_TOKEN (and the older HUGGING_FACE_HUB_TOKEN), then the token file; none is anonymous. */
export function hubCredentials(flagToken?: string, env: Env = process.env): HubCredentials {
  const hubUrl = (env['HF_ENDPOINT'] || 'https://huggingface.co').replace(/\/+$/, '');
  try {
    new URL(hubUrl);
  } catch {
    throw new UsageError(`HF_ENDPOINT is not a URL: ${hubUrl}`, 'set it to the Hub\'s address, e.g. https://huggingface.co');
  }
  const from = (token: string | undefined, source: string): HubCredentials | undefined => {
    const text = token?.trim();
    if (!text) return undefined;
    // The library refuses anything else with a TypeError; say it the way a user can act on.
    if (!text.startsWith('hf_')) throw new UsageError(`the token from ${source} is not a Hugging Face token (it does not start with hf_)`, 'create a read token at https://huggingface.co/settings/tokens');
    return { hubUrl, accessToken: text, tokenSource: source };
  };
  let fileToken: string | undefined;
  try {
    fileToken = readFileSync(tokenFile(env), 'utf8').split(/\r?\n/)[0];
  } catch {
    fileToken = undefined;
  }
  return from(flagToken, '--token') ?? from(env['HF_TOKEN'], 'HF_TOKEN') ?? from(env['HUGGING_FACE_HUB_TOKEN'], 'HUGGING_FACE_HUB_TOKEN')
    ?? from(fileToken, tokenFile(env)) ?? { hubUrl };
}

/** GitHub's REST API: GITHUB_API_URL (GitHub Enterprise, or a test server), GITHUB_TOKEN optional. */
export function githubCredentials(env: Env = process.env): { apiUrl: string; token?: string } {
  const apiUrl = (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
  return { apiUrl, ...(env['GITHUB_TOKEN'] ? { token: env['GITHUB_TOKEN'] } : {}) };
}
