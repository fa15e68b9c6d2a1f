// The one fetch every remote read goes through: bounded bodies, 429 retried with backoff, counts for the bench.
import { OsaiError } from '../errors.js';

/** Requests and body bytes one run cost; printed by `npm run bench`. */
export interface HttpStats { requests: number; bytes: number; retries: number }

export interface HttpOptions {
  /** Attempts for a 429 answer, the first included. */
  maxAttempts?: number;
  /** First backoff in ms (doubled each time) when the server sends no Retry-After. */
  backoffMs?: number;
  /** Longest single wait, whatever Retry-After says. */
  maxWaitMs?: number;
  /** The largest body any request may bring (API JSON, a card); a Range request is capped at its range. */
  maxBodyBytes?: number;
}

/** osai could not reach a remote source, or it refused too often: exit 2, one line. */
export class RemoteError extends OsaiError {
  constructor(message: string, hint?: string) { super(message, hint, 'remote'); }
}

const DEFAULTS: Required<HttpOptions> = { maxAttempts: 4, backoffMs: 500, maxWaitMs: 8_000, maxBodyBytes: 16 * 1024 * 1024 };

/**
 * A `fetch` for @huggingface/hub and the GitHub API. A server that ignores `Range` cannot make osai download
 * weights: the body is cut at the requested length (and refused if the answer does not start at the offset).
 */
export function createHttp(options: HttpOptions = {}): Http {
  const opts = { ...DEFAULTS, ...options };
  const stats: HttpStats = { requests: 0, bytes: 0, retries: 0 };
  // The library's errors carry the status and URL, not the headers; the Hub's X-Error-Code says which refusal it is.
  const errorCodes = new Map<string, string>();
  const bounded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const range = /^bytes=(\d+)-(\d+)$/.exec(new Headers(init?.headers).get('range') ?? '');
    for (let attempt = 1; ; attempt++) {
      stats.requests++;
      let response: Response;
      try {
        response = await fetch(input, init);
      } catch (error) {
        throw new RemoteError(`cannot reach ${new URL(url).origin} (${networkReason(error)})`);
      }
      if (response.status === 429 && attempt < opts.maxAttempts) {
        await response.body?.cancel();
        stats.retries++;
        const after = Number(response.headers.get('retry-after'));
        await sleep(Math.min(Number.isFinite(after) && after >= 0 ? after * 1000 : opts.backoffMs * 2 ** (attempt - 1), opts.maxWaitMs));
        continue;
      }
      if (response.status === 429) {
        await response.body?.cancel();
        throw new RemoteError(`${new URL(url).origin} is rate-limiting osai (429 after ${attempt} attempts)`,
          'wait a minute and run again; a token (HF_TOKEN) raises the Hub\'s limits');
      }
      if (range && response.status === 200 && range[1] !== '0') {
        await response.body?.cancel();
        // Not a failure of the run, a file osai cannot read safely: the read stage reports it as unreadable.
        throw Object.assign(new Error(`${url} ignored the byte range`), { code: 'the server ignored the byte range osai asked for; osai reads weights headers only, never the weights' });
      }
      const code = response.headers.get('x-error-code');
      if (!response.ok && code) errorCodes.set(response.url || url, code);
      const cap = range && response.ok ? Number(range[2]) - Number(range[1]) + 1 : opts.maxBodyBytes;
      return capped(response, cap, stats);
    }
  };
  return { fetch: bounded as typeof fetch, stats, errorCode: (u) => errorCodes.get(u) };
}

export interface Http {
  fetch: typeof fetch;
  stats: HttpStats;
  /** The X-Error-Code of the last refusal at this URL (RepoNotFound, GatedRepo, EntryNotFound, RevisionNotFound). */
  errorCode(url: string): string | undefined;
}

/** The same response, its body cut at `cap` bytes (the rest is never read from the socket). */
async function capped(response: Response, cap: number, stats: HttpStats): Promise<Response> {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < cap) {
    const { done, value } = await reader.read();
    if (done) break;
    const part = value.byteLength > cap - total ? value.subarray(0, cap - total) : value;
    chunks.push(part);
    total += part.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  stats.bytes += total;
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { body.set(c, at); at += c.byteLength; }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  const out = new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers });
  // The library reads `url` to decide where a file was served from.
  Object.defineProperty(out, 'url', { value: response.url });
  return out;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
