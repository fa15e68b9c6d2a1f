// A local stand-in for the Hugging Face Hub and GitHub's license endpoint, for tests and `npm run bench`. Its answers are
// written from the public API documentation and @huggingface/hub's source (model-info, list-files, file-download-info,
// WebBlob ranges, dataset-info; X-Error-Code refusals), never recorded from the real services.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';

const enc = new TextEncoder();

/** A safetensors file of `dataBytes` virtual tensor bytes: only the header exists in memory; the rest reads as zeros. */
export function safetensorsFile(metadata, dataBytes) {
  const header = enc.encode(JSON.stringify({ __metadata__: metadata, w: { dtype: 'F32', shape: [dataBytes / 4], data_offsets: [0, dataBytes] } }));
  const head = new Uint8Array(8 + header.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(header.length), true);
  head.set(header, 8);
  return { head, size: head.length + dataBytes };
}

const sha1 = (text) => createHash('sha1').update(text).digest('hex');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Normalises a world entry's files: strings and bytes as they are, `{ head, size }` as virtual files. */
function files(repo) {
  return Object.entries(repo.files ?? {}).map(([path, content]) => {
    const file = typeof content === 'string' ? { head: enc.encode(content), size: enc.encode(content).length } : content instanceof Uint8Array ? { head: content, size: content.length } : content;
    return { path, ...file, lfs: file.size > 1000 || /\.(safetensors|gguf|bin)$/.test(path) };
  });
}

/** The card's front matter as the Hub parses it into `cardData`. */
function cardData(repo) {
  const card = repo.files?.['README.md'];
  const match = typeof card === 'string' ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(card) : null;
  return match ? parseYaml(match[1]) ?? {} : {};
}

/**
 * Starts the server on 127.0.0.1 (a free port). `world`: { models: {id: repo}, datasets: {id: repo}, github: {"o/r": {path, text}} },
 * a repo being { sha, gated?: 'auto'|'manual', private?, accepted?: [tokens], xet?: [paths], files: {path: content} };
 * `world.throttle` answers that many requests 429 first; `world.ignoreRange` answers every read with the whole file.
 */
export async function startHubServer(world) {
  const stats = { requests: 0, bytes: 0, ranges: [] };
  const json = (res, status, body, headers = {}) => {
    const text = JSON.stringify(body);
    stats.bytes += text.length;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };
  const refuse = (res, status, code, message) => json(res, status, { error: message }, { 'x-error-code': code });
  const tokenOf = (req) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  /** RepoNotFound: 401 to an anonymous request, 404 to an authenticated one, as the Hub answers. */
  const lookup = (req, res, table, id) => {
    const repo = table?.[id];
    if (!repo || (repo.private && !(repo.accepted ?? []).includes(tokenOf(req)))) {
      refuse(res, tokenOf(req) ? 404 : 401, 'RepoNotFound', 'Repository Not Found');
      return undefined;
    }
    return repo;
  };
  const atRevision = (res, repo, rev) => {
    if (rev === 'main' || rev === 'HEAD' || rev === repo.sha) return true;
    refuse(res, 404, 'RevisionNotFound', `Invalid rev id: ${rev}`);
    return false;
  };
  const serveBytes = (req, res, file) => {
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    const [start, end] = range && !world.ignoreRange ? [Number(range[1]), Math.min(Number(range[2]), file.size - 1)] : [0, file.size - 1];
    stats.ranges.push({ path: file.path, start, end });
    const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', etag: `"${sha256(file.head)}"`, 'content-length': String(end - start + 1) };
    res.writeHead(range && !world.ignoreRange ? 206 : 200, range && !world.ignoreRange ? { ...headers, 'content-range': `bytes ${start}-${end}/${file.size}` } : headers);
    // Stream in 64 KiB pieces so a client that stops reading stops the transfer (a virtual 5 GB file is never sent).
    let at = start;
    const pump = () => {
      while (at <= end) {
        const n = Math.min(65536, end - at + 1);
        const chunk = new Uint8Array(n);
        if (at < file.head.length) chunk.set(file.head.subarray(at, Math.min(file.head.length, at + n)));
        at += n;
        stats.bytes += n;
        if (!res.write(chunk)) { res.once('drain', pump); return; }
      }
      res.end();
    };
    res.on('close', () => { at = end + 1; });
    pump();
  };

  const server = createServer((req, res) => {
    stats.requests++;
    if (world.throttle > 0) {
      world.throttle--;
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'text/plain' });
      res.end('Too Many Requests');
      return;
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    let m;
    if ((m = /^\/api\/(models|datasets)\/([^/]+\/[^/]+)\/revision\/([^/]+)$/.exec(path))) {
      const repo = lookup(req, res, m[1] === 'models' ? world.models : world.datasets, m[2]);
      if (!repo || !atRevision(res, repo, m[3])) return;
      const siblings = files(repo).map((f) => ({ rfilename: f.path }));
      return json(res, 200, { _id: sha1(m[2]).slice(0, 24), id: m[2], sha: repo.sha, private: !!repo.private, gated: repo.gated ?? false, downloads: 0, likes: 0, lastModified: '2026-01-01T00:00:00.000Z', cardData: cardData(repo), siblings });
    }
    if ((m = /^\/api\/(models|datasets)\/([^/]+\/[^/]+)\/tree\/([^/]+)$/.exec(path))) {
      const repo = lookup(req, res, m[1] === 'models' ? world.models : world.datasets, m[2]);
      if (!repo || !atRevision(res, repo, m[3])) return;
      const items = files(repo).map((f) => ({
        type: 'file', oid: sha1(f.path + repo.sha), size: f.size, path: f.path,
        ...(f.lfs ? { lfs: { oid: sha256(f.head), size: f.size, pointerSize: 134 } } : {}),
        ...((repo.xet ?? []).includes(f.path) ? { xetHash: sha256(f.path) } : {}),
      }));
      // Pages of 3 entries, linked with `Link: <…>; rel="next"` as the Hub paginates trees.
      const page = Number(url.searchParams.get('cursor') ?? 0);
      const next = page + 3 < items.length ? `<http://${req.headers.host}${url.pathname}?recursive=true&expand=false&cursor=${page + 3}>; rel="next"` : undefined;
      return json(res, 200, items.slice(page, page + 3), next ? { link: next } : {});
    }
    if ((m = /^\/(datasets\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path))) {
      const repo = lookup(req, res, m[1] ? world.datasets : world.models, m[2]);
      if (!repo || !atRevision(res, repo, m[3])) return;
      const file = files(repo).find((f) => f.path === m[4]);
      if (!file) return refuse(res, 404, 'EntryNotFound', 'Entry not found');
      if (repo.gated && !['README.md', '.gitattributes'].includes(file.path)) {
        const token = tokenOf(req);
        if (!token) return refuse(res, 401, 'GatedRepo', 'Access to this model is restricted. You must have access to it and be authenticated.');
        if (!(repo.accepted ?? []).includes(token)) return refuse(res, 403, 'GatedRepo', 'Access to this model is restricted and you are not in the authorized list.');
      }
      // Xet-backed files: the Hub redirects to its CAS bridge, which serves the same bytes and honours Range.
      if ((repo.xet ?? []).includes(file.path)) {
        res.writeHead(302, { location: `http://${req.headers.host}/cas-bridge/${m[2]}/${repo.sha}/${encodeURIComponent(file.path)}` });
        return res.end();
      }
      return serveBytes(req, res, file);
    }
    if ((m = /^\/cas-bridge\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(path))) {
      const file = files(world.models[m[1]] ?? {}).find((f) => f.path === m[3]);
      return file ? serveBytes(req, res, file) : refuse(res, 404, 'EntryNotFound', 'Entry not found');
    }
    if ((m = /^\/github\/repos\/([^/]+\/[^/]+)\/license$/.exec(path))) {
      const repo = world.github?.[m[1]];
      if (!repo) return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/licenses/licenses#get-the-license-for-a-repository' });
      const bytes = enc.encode(repo.text);
      return json(res, 200, {
        name: repo.path, path: repo.path, sha: sha1(repo.text), size: bytes.length, html_url: `https://github.com/${m[1]}/blob/main/${repo.path}`,
        type: 'file', content: Buffer.from(bytes).toString('base64'), encoding: 'base64', license: { key: 'other', name: 'Other', spdx_id: 'NOASSERTION' },
      });
    }
    refuse(res, 404, 'NotFound', `no route for ${path}`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url, stats, world,
    env: { HF_ENDPOINT: url, GITHUB_API_URL: `${url}/github` },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
