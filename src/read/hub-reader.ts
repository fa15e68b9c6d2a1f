// Reads a Hugging Face Hub model repository over HTTP with @huggingface/hub: listing, card, terms, weights headers by Range.
import { InputError } from '../errors.js';
import type { FileEntry, Problem, RemoteModel } from '../model.js';
import { hubCredentials, type HubCredentials } from './hub-credentials.js';
import { createHttp, RemoteError, type Http, type HttpOptions } from './hub-http.js';
import { parseHubSpec } from './hub-target.js';
import { DEFAULT_WALK_LIMITS, SKIPPED_DIRS, type RepoReader } from './reader.js';

type HubLib = typeof import('@huggingface/hub');
let lib: Promise<HubLib> | undefined;
/** Loaded on the first hf: target only, so a local check never pays for it. */
export const loadHub = (): Promise<HubLib> => (lib ??= import('@huggingface/hub'));

export interface HubOptions extends HttpOptions {
  /** --token; HF_TOKEN and the login token file are read when it is absent. */
  token?: string;
  /** Defaults to process.env (HF_ENDPOINT, HF_TOKEN, HF_HOME). */
  env?: Record<string, string | undefined>;
  /** Share one counted fetch across the target and the resolvers of a run. */
  http?: Http;
  /** The clock, for `readAt`. */
  now?: () => Date;
}

export interface HubTargetHandle {
  reader: RepoReader;
  /** The target as the Hub describes it: resolved sha, gate, card metadata. */
  model: RemoteModel;
  credentials: HubCredentials;
  http: Http;
}

/** Files a gated repository serves to anyone: its card and attributes. */
const OUTSIDE_GATE = new Set(['README.md', '.gitattributes']);

/**
 * Opens `hf:ORG/NAME[@REVISION]`: resolves the revision to a commit sha, lists the files at that sha, and returns
 * a RepoReader whose reads are byte ranges of `resolve/<sha>/<path>`. Throws InputError for a repository that does
 * not exist (or is private to this token) and RemoteError when the Hub cannot be reached.
 */
export async function openHubTarget(spec: string, options: HubOptions = {}): Promise<HubTargetHandle> {
  const target = parseHubSpec(spec);
  if ('error' in target) throw new InputError(target.error, 'name a model as hf:ORG/NAME or hf:ORG/NAME@REVISION');
  const credentials = hubCredentials(options.token, options.env);
  const http = options.http ?? createHttp(options);
  const hub = await loadHub();
  const common = { hubUrl: credentials.hubUrl, fetch: http.fetch, ...(credentials.accessToken ? { accessToken: credentials.accessToken } : {}) };
  const model = await fetchModel(hub, http, common, target.repo, target.revision, credentials);
  const sha = model.source.revision;
  const problems: Problem[] = [];
  const files = new Map<string, FileEntry>();
  try {
    for await (const item of hub.listFiles({ ...common, repo: target.repo, revision: sha, recursive: true })) {
      if (item.type === 'file') files.set(item.path, { path: item.path, size: item.size });
    }
  } catch (error) {
    throw refusal(error, http, target.spec, credentials);
  }
  let denied: string | undefined;
  if (model.gated) {
    const behind = [...files.keys()].find((p) => !OUTSIDE_GATE.has(p));
    if (behind) {
      denied = await probe(hub, common, target.repo, sha, behind, files.get(behind)!.size, http);
      const args = { repo: target.repo, gate: model.gated, url: `${credentials.hubUrl}/${target.repo}`, token: credentials.tokenSource ?? 'none' };
      problems.push({ code: denied ? (credentials.accessToken ? 'hub-gated-not-accepted' : 'hub-gated-no-token') : 'hub-gated-accepted', args });
    }
  }
  const readAt = (options.now ?? (() => new Date()))().toISOString();
  const blobOf = async (path: string) => {
    const entry = files.get(path);
    if (!entry) throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
    if (denied && !OUTSIDE_GATE.has(path)) throw Object.assign(new Error(`${path} is behind the gate`), { code: denied });
    const url = `${credentials.hubUrl}/${target.repo}/resolve/${sha}/${path.split('/').map(encodeURIComponent).join('/')}`;
    // The listing already gave the size, so no probe request: one Range request per read. `xet: false` reads Xet-backed
    // files through the same resolve URL (the Hub redirects to its CAS bridge, which honours Range as LFS storage does).
    const blob = await hub.downloadFile({ ...common, repo: target.repo, path, revision: sha, xet: false, downloadInfo: { size: entry.size, etag: sha, url } });
    return { blob: blob!, size: entry.size };
  };
  const readRange = async (path: string, offset: number, length: number): Promise<Uint8Array> => {
    const { blob, size } = await blobOf(path);
    const end = Math.min(size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    try {
      return new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    } catch (error) {
      if (error instanceof RemoteError) throw error;
      const status = (error as { statusCode?: number }).statusCode;
      const code = (error as { code?: string }).code ?? http.errorCode((error as { url?: string }).url ?? '') ?? (status ? `HTTP ${status}` : String(error));
      throw Object.assign(new Error(`${path}: ${code}`), { code });
    }
  };
  const reader: RepoReader = {
    root: target.spec,
    source: { revision: sha, readAt, model: target.repo },
    async list(limits = DEFAULT_WALK_LIMITS) {
      const entries: FileEntry[] = [];
      const out = [...problems];
      for (const entry of [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const parts = entry.path.split('/');
        if (parts.some((p) => SKIPPED_DIRS.has(p))) continue;
        if (parts.length > limits.maxDepth) { out.push({ code: 'walk-depth-limit', file: entry.path }); continue; }
        if (entries.length >= limits.maxFiles) { out.push({ code: 'walk-file-limit', args: { limit: limits.maxFiles } }); break; }
        entries.push(entry);
      }
      return { entries, problems: out };
    },
    read: (path, maxBytes) => readRange(path, 0, maxBytes),
    readRange,
  };
  return { reader, model, credentials, http };
}

type Common = { hubUrl: string; fetch: typeof fetch; accessToken?: string };

/** The model's API record at a revision: the commit sha it resolves to, its gate, its card metadata. */
export async function fetchModel(hub: HubLib, http: Http, common: Common, repo: string, revision: string, credentials: HubCredentials): Promise<RemoteModel> {
  try {
    const info = await hub.modelInfo({ ...common, name: repo, revision, additionalFields: ['sha', 'cardData'] });
    const sha = (info as { sha?: string }).sha;
    if (!sha || !/^[0-9a-f]{40}$/.test(sha)) throw new RemoteError(`the Hub's answer for ${repo} names no commit sha`, 'check HF_ENDPOINT: it should be a Hugging Face Hub');
    const gated = info.gated === 'auto' || info.gated === 'manual' ? info.gated : false;
    const cardData = (info as { cardData?: unknown }).cardData;
    return {
      id: repo, gated, source: { url: `${credentials.hubUrl}/${repo}`, revision: sha },
      cardData: cardData && typeof cardData === 'object' && !Array.isArray(cardData) ? cardData as Record<string, unknown> : {},
    };
  } catch (error) {
    throw refusal(error, http, `hf:${repo}${revision === 'main' ? '' : `@${revision}`}`, credentials);
  }
}

/** One byte of a file behind the gate: the X-Error-Code (GatedRepo) if refused, undefined if this token may read. */
async function probe(hub: HubLib, common: Common, repo: string, sha: string, path: string, size: number, http: Http): Promise<string | undefined> {
  if (size === 0) return undefined;
  const url = `${common.hubUrl}/${repo}/resolve/${sha}/${path.split('/').map(encodeURIComponent).join('/')}`;
  try {
    const blob = await hub.downloadFile({ ...common, repo, path, revision: sha, xet: false, downloadInfo: { size, etag: sha, url } });
    await blob!.slice(0, 1).arrayBuffer();
    return undefined;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 401 || status === 403) return http.errorCode((error as { url?: string }).url ?? url) ?? 'GatedRepo';
    throw error;
  }
}

/** The Hub's refusals as errors a user can act on; RepoNotFound comes as 401 to anonymous and 404 to a token. */
export function refusal(error: unknown, http: Http, what: string, credentials: HubCredentials): Error {
  if (error instanceof RemoteError || error instanceof InputError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status === undefined) return error as Error;
  const code = http.errorCode((error as { url?: string }).url ?? '');
  if (code === 'RepoNotFound' || status === 404 && !code) {
    return new InputError(`${what}: no such repository on ${credentials.hubUrl}, or it is private`,
      credentials.accessToken ? `check the name; the token from ${credentials.tokenSource} cannot see it` : 'check the name; for a private repository give a token (--token, HF_TOKEN or huggingface-cli login)');
  }
  if (code === 'RevisionNotFound') return new InputError(`${what}: no such revision`, 'give a branch, tag or commit sha that exists');
  if (status === 401) return new InputError(`${what}: the Hub refused the token from ${credentials.tokenSource ?? 'nowhere'} (401${code ? ` ${code}` : ''})`, 'check that the token is valid and has read access');
  return new RemoteError(`${what}: the Hub answered ${status}${code ? ` (${code})` : ''}`);
}
