// Linked code on GitHub: the repositories a card body links, and the license file GitHub's REST API serves for each.
import type { Problem, RemoteCode } from '../model.js';
import { RemoteError, type Http } from './hub-http.js';

/** Linked code repositories resolved per card. */
export const MAX_CODE_REPOS = 8;

const GITHUB = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?=[/)#?\s"'>\]]|$)/gi;

/** The GitHub repositories a card body links, at most MAX_CODE_REPOS. */
export function githubRepos(body: string): string[] {
  const out = new Set<string>();
  for (const match of body.matchAll(GITHUB)) {
    if (out.size >= MAX_CODE_REPOS) break;
    out.add(`${match[1]}/${match[2]}`);
  }
  return [...out];
}

/** GET /repos/{owner}/{repo}/license: the license file GitHub detected, its text, and the blob sha it was read at. */
export async function fetchGithubLicense(repo: string, github: { apiUrl: string; token?: string }, http: Http, problems: Problem[]) {
  const url = `${github.apiUrl}/repos/${repo}/license`;
  const response = await http.fetch(url, { headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(github.token ? { authorization: `Bearer ${github.token}` } : {}) } });
  if (response.status === 404) { problems.push({ code: 'remote-code-license-missing', args: { repo, url } }); return undefined; }
  if (!response.ok) throw new RemoteError(`${url}: GitHub answered ${response.status}`, response.status === 403 ? 'GitHub limits anonymous requests; set GITHUB_TOKEN' : undefined);
  const data = await response.json() as { path?: string; sha?: string; content?: string; encoding?: string; html_url?: string };
  if (typeof data.sha !== 'string' || !/^[0-9a-f]{40}$/.test(data.sha) || typeof data.content !== 'string' || data.encoding !== 'base64') {
    throw new RemoteError(`${url}: the answer is not a license file`, 'check GITHUB_API_URL');
  }
  const text = Buffer.from(data.content, 'base64').toString('utf8');
  const value: RemoteCode = { repo, source: { url: data.html_url ?? `https://github.com/${repo}`, revision: data.sha }, file: data.path ?? 'LICENSE', text };
  return { revision: data.sha, value };
}

