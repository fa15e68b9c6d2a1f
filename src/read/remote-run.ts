// The remote side of a run (hf: targets, --online, --offline): the target's reader and the resolvers of the facts its
// card points to, through the cache and the lock. Everything here is the edge; identify only sees the RemoteFacts.
import type { Documents, Problem, RemoteCode, RemoteDataset, RemoteFacts, RemoteModel } from '../model.js';
import { InputError, UsageError } from '../errors.js';
import { hubId } from '../identify/lineage/lineage.js';
import { openFsRepo } from './fs-reader.js';
import { githubCredentials, hubCredentials } from './hub-credentials.js';
import { createHttp, RemoteError, type Http } from './hub-http.js';
import { fetchModel, loadHub, openHubTarget, refusal } from './hub-reader.js';
import { isHubSpec } from './hub-target.js';
import { readLock, type LockEntry } from './lock-file.js';
import { cachingReader, offlineHubTarget, targetLockText, type CachedListing, type ReadLog } from './cached-hub-reader.js';
import { fetchGithubLicense, githubRepos } from './github-license.js';
import type { RepoReader } from './reader.js';
import { cacheRoot, openCache, sha256 } from './remote-cache.js';

/** Base-model chains longer than this are cut (a finding says so): no real lineage is this deep. */
export const MAX_LINEAGE_DEPTH = 8;

export interface RemoteRunOptions {
  token?: string; online?: boolean; offline?: boolean; env?: Record<string, string | undefined>;
  /** Where osai.lock.json is read (the folder of .osai.yml, else the target folder, else the working directory). */
  lockDir?: string;
  http?: Http; now?: () => Date;
}

export interface RemoteRun {
  reader: RepoReader;
  resolve: (documents: Documents) => Promise<RemoteFacts>;
  /** Every source read, with its commit and content hash: what `osai lock` writes. */
  touched: LockEntry[];
  http: Http;
}

export async function openRemoteRun(path: string, options: RemoteRunOptions): Promise<RemoteRun> {
  if (options.online && options.offline) throw new UsageError('--online and --offline cannot be used together', 'choose one');
  const env = options.env ?? process.env;
  const hub = isHubSpec(path);
  const lockDir = options.lockDir ?? (hub ? '.' : path);
  const lock = readLock(lockDir);
  const locked = new Map((lock?.sources ?? []).map((e) => [e.source, e]));
  const cache = openCache(cacheRoot(env));
  const http = options.http ?? createHttp();
  const touched: LockEntry[] = [];
  const problems: Problem[] = [];
  let target: RemoteModel | undefined;

  /** Checks a freshly read source against the lock: a moved commit or a changed content is a finding. */
  const record = (source: string, revision: string, text: string, hashed = text) => {
    const entry = { source, revision, sha256: sha256(hashed) };
    touched.push(entry);
    cache.put(source, revision, 'fact', text);
    const pin = locked.get(source);
    if (pin && pin.revision !== revision) problems.push({ code: 'lock-source-moved', args: { source, locked: pin.revision, current: revision } });
    else if (pin && pin.sha256 !== entry.sha256) problems.push({ code: 'lock-hash-mismatch', args: { source, revision } });
  };
  /** A fact from the lock and the cache only; what is missing is a finding that says how to settle it. */
  const offlineFact = <T>(source: string): T | undefined => {
    const pin = locked.get(source);
    const reason = !pin ? `it is not in ${lock ? 'osai.lock.json' : 'a lock file (there is none)'}` : undefined;
    const bytes = pin ? cache.get(source, pin.revision, 'fact') : undefined;
    if (reason || !bytes) {
      problems.push({ code: 'remote-offline-missing', args: { source, reason: reason ?? `the cache (${cache.root}) has no copy at ${pin!.revision}` } });
      return undefined;
    }
    if (sha256(bytes) !== pin!.sha256) { problems.push({ code: 'lock-hash-mismatch', args: { source, revision: pin!.revision } }); return undefined; }
    touched.push(pin!);
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  };

  let reader: RepoReader;
  const log: ReadLog = new Map();
  let listed: CachedListing['listing'] | undefined;
  if (!hub) reader = await openFsRepo(path);
  else if (options.offline) ({ reader, target, listing: listed } = offlineHubTarget(path, locked, cache, log));
  else {
    const handle = await openHubTarget(path, { ...(options.token ? { token: options.token } : {}), env, http, ...(options.now ? { now: options.now } : {}) });
    target = handle.model;
    listed = await handle.reader.list();
    // The listing (with the gate's answer) is what --offline reads back; the lock hash is taken once the reads are done.
    cache.put(handle.reader.root, handle.model.source.revision, 'fact', JSON.stringify({ model: handle.model, listing: listed }));
    reader = cachingReader(handle.reader, listed, cache, log);
  }
  /** The target's lock entry covers its record, its file list and every range read: settled after the read stage. */
  const settleTarget = () => {
    if (!target || !listed) return;
    const text = targetLockText(target, listed.entries, log);
    if (!options.offline) { record(reader.root, target.source.revision, JSON.stringify({ model: target, listing: listed }), text); return; }
    const pin = locked.get(reader.root)!;
    if (sha256(text) === pin.sha256) touched.push(pin);
    else problems.push({ code: 'lock-hash-mismatch', args: { source: reader.root, revision: pin.revision } });
  };

  const resolve = async (documents: Documents): Promise<RemoteFacts> => {
    settleTarget();
    const facts: RemoteFacts = { ...(target ? { target } : {}), models: [], datasets: [], code: [], problems };
    const card = documents.card;
    if (!card) return facts;
    const fetchFact = async <T>(source: string, online: () => Promise<{ revision: string; value: T } | undefined>): Promise<T | undefined> => {
      if (options.offline) return offlineFact<T>(source);
      try {
        const got = await online();
        if (!got) return undefined;
        record(source, got.revision, JSON.stringify(got.value));
        return got.value;
      } catch (error) {
        if (error instanceof InputError) { problems.push({ code: 'remote-not-found', args: { source, reason: error.message } }); return undefined; }
        throw error;
      }
    };
    const creds = hubCredentials(options.token, env);
    const common = { hubUrl: creds.hubUrl, fetch: http.fetch, ...(creds.accessToken ? { accessToken: creds.accessToken } : {}) };
    const lib = options.offline ? undefined : await loadHub();

    // Base models, breadth first, each once (a cycle ends where it closes), at most MAX_LINEAGE_DEPTH deep.
    const seen = new Set<string>(target ? [target.id.toLowerCase()] : []);
    let level = idsOf(card.metadata['base_model'], 'model');
    for (let depth = 1; level.length > 0; depth++) {
      const next: string[] = [];
      for (const id of level) {
        if (seen.has(id.toLowerCase())) continue;
        seen.add(id.toLowerCase());
        if (depth > MAX_LINEAGE_DEPTH) { problems.push({ code: 'lineage-depth-limit', args: { base: id, limit: MAX_LINEAGE_DEPTH } }); continue; }
        const model = await fetchFact<RemoteModel>(`hf:${id}`, async () => {
          const m = await fetchModel(lib!, http, common, id, 'main', creds);
          return { revision: m.source.revision, value: m };
        });
        if (!model) continue;
        facts.models.push(model);
        next.push(...idsOf(model.cardData['base_model'], 'model'));
      }
      level = next;
    }

    const datasets = await Promise.all(idsOf(card.metadata['datasets'], 'dataset').map((id) => fetchFact<RemoteDataset>(`hf:datasets/${id}`, async () => {
      try {
        const info = await lib!.datasetInfo({ ...common, name: id, additionalFields: ['sha', 'cardData'] });
        const sha = String((info as { sha?: string }).sha ?? '');
        if (!/^[0-9a-f]{40}$/.test(sha)) throw new RemoteError(`the Hub's answer for dataset ${id} names no commit sha`, 'check HF_ENDPOINT: it should be a Hugging Face Hub');
        const cardData = (info as { cardData?: Record<string, unknown> }).cardData ?? {};
        return { revision: sha, value: { id, source: { url: `${creds.hubUrl}/datasets/${id}`, revision: sha }, cardData } };
      } catch (error) {
        throw refusal(error, http, `hf:datasets/${id}`, creds);
      }
    })));
    facts.datasets.push(...datasets.filter((d): d is RemoteDataset => d !== undefined));

    const github = githubCredentials(env);
    const code = await Promise.all(githubRepos(card.body).map((repo) => fetchFact<RemoteCode>(`github:${repo}`, () => fetchGithubLicense(repo, github, http, problems))));
    facts.code.push(...code.filter((c): c is RemoteCode => c !== undefined));
    return facts;
  };
  return { reader, resolve, touched, http };
}

function idsOf(raw: unknown, kind: 'model' | 'dataset'): string[] {
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return [...new Set(values.map((v) => hubId(String(v), kind)).filter((id): id is string => !!id && id.includes('/')))];
}

