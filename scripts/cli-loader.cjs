#!/usr/bin/env node
'use strict';
// osai's command line, written to dist/cli.cjs by scripts/bundle.mjs (package.json `bin`). CommonJS on purpose: an
// ES module entry costs Node ~25% of its own start-up (the ESM loader, and facades that load node:stream and
// node:fs/promises just to list node:fs's exports).
//
// It runs dist/cli-bundle.cjs, the whole CLI in one esbuild bundle, through vm.Script with a V8 code cache: the
// bytecode of every function the last uncached run compiled, kept in the user's cache folder ($XDG_CACHE_HOME/osai
// or ~/.cache/osai) under a name made of osai's version, the bundle's hash, and Node's version and architecture.
// Only code is cached, never a result. A cache that is missing, unreadable, stale or rejected by V8 costs a normal
// compile (and is rewritten); a folder that cannot be written is simply not used. OSAI_NO_CODE_CACHE=1 turns it off.
// V8 checks only a header of cached data (a flipped byte in the body crashed Node or could run other code), so the
// file holds V8's data twice and a run hands it to V8 only when both copies are the same, byte for byte (a native
// compare, ~0.1 ms). V8's own checksum (--verify-snapshot-checksum) would need node:v8 to set the flag, and node:v8
// loads Node's streams (1–3 ms of every start-up); a checksum computed in JavaScript costs 3–4 ms on 870 KB. And since
// cached code is code osai runs, a folder or file that is not the user's own, or that others may write (a shared
// XDG_CACHE_HOME such as /tmp), is neither read nor written.
// A run that used code the cache was not made with (a near-miss license, another --format, another command: the
// bundle tells through noteCodePath, src/code-path.ts) rewrites the cache at exit, so it holds that code too. The file
// is a little header (the length of a JSON list of those code paths, then the list) before V8's data and its copy.
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');
const { Script } = require('node:vm');

const VERSION = '@OSAI_VERSION@';
const BUNDLE_HASH = '@BUNDLE_HASH@';
/** Caches of other builds for this Node that are kept (several installs of osai may take turns). */
const KEEP_OTHERS = 3;
const bundle = join(__dirname, 'cli-bundle.cjs');
const folder = cacheFolder();
const suffix = `-node${process.versions.node}-${process.arch}.v8`;
const cacheFile = folder && join(folder, `cli-${VERSION}-${BUNDLE_HASH}${suffix}`);

let cachedData;
/** The code paths the cache was made with (see noteCodePath). */
let cachedPaths = [];
if (cacheFile) {
  let fd;
  try {
    fd = openSync(cacheFile, 'r');
    if (!ownOnly(fstatSync(fd)) || !ownOnly(statSync(folder))) throw new Error('not the user\'s own');
    const file = readFileSync(fd);
    const length = file.length >= 4 ? file.readUInt32LE(0) : -1;
    const size = (file.length - 4 - length) / 2;
    if (length >= 0 && Number.isInteger(size) && size > 0) {
      const data = file.subarray(4 + length, 4 + length + size);
      if (data.equals(file.subarray(4 + length + size))) {
        cachedPaths = JSON.parse(file.toString('utf8', 4, 4 + length));
        if (!Array.isArray(cachedPaths)) cachedPaths = [];
        cachedData = data;
      }
    }
  } catch {
    cachedData = undefined; // none yet, unreadable, damaged or untrusted: compile as usual
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
// The bundle is ASCII (scripts/bundle.mjs checks): latin1 is the cheapest decoding to a string.
const source = readFileSync(bundle, 'latin1');
// The bundle is one function expression (scripts/bundle.mjs writes its wrapper), compiled as the string read.
const script = new Script(source, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
const usedPaths = new Set();
globalThis[Symbol.for('osai.codePath')] = (name) => { usedPaths.add(String(name)); };
// Written at exit, so the cache holds every function this run compiled, not only the top level.
if (cacheFile) {
  process.once('exit', () => {
    const stale = !cachedData || script.cachedDataRejected;
    if (stale || [...usedPaths].some((p) => !cachedPaths.includes(p))) {
      writeCache(cacheFile, [...new Set([...(stale ? [] : cachedPaths), ...usedPaths])].sort());
    }
  });
}
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, require, bundleModule, bundle, __dirname, bundle,
  // The few cold modules the bundle leaves out (those that need zod) come from tsc's dist/ beside it; a cold package
  // (the Hub client) from node_modules, resolved from here. node:url only then: a run without them parses no URL.
  (specifier) => import(specifier.startsWith('./') ? require('node:url').pathToFileURL(join(__dirname, specifier)).href : specifier));

/** The cache folder, or undefined when the cache is off or there is no home to put it in. */
function cacheFolder() {
  if (process.env.OSAI_NO_CODE_CACHE) return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'osai');
  let home;
  try {
    // HOME is what os.homedir() reads first; node:os is loaded only without it.
    home = process.env.HOME || require('node:os').homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, '.cache', 'osai') : undefined;
}

/** Whether a cache file or folder is the user's own and nobody else may write it (always true where there are no uids). */
function ownOnly(info) {
  return typeof process.getuid !== 'function' || (info.uid === process.getuid() && (info.mode & 0o022) === 0);
}

/** Writes the code cache atomically (a temporary file, then a rename) and drops the oldest builds' caches; never throws. */
function writeCache(file, paths) {
  const temp = `${file}.${process.pid}.tmp`;
  let fd;
  try {
    // The folder and the temporary file first: a folder that cannot be written (or is not the user's own) costs no
    // serialising, run after run.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownOnly(statSync(folder))) return;
    fd = openSync(temp, 'wx', 0o600);
    const data = script.createCachedData();
    // Padded with spaces so V8's data starts 8-byte aligned in the file (and in the buffer it is read into): V8
    // copies cached data that is not aligned.
    const json = JSON.stringify(paths);
    const list = Buffer.from(json.padEnd(json.length + ((8 - ((4 + Buffer.byteLength(json)) % 8)) % 8)), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(list.length, 0);
    writeFileSync(fd, Buffer.concat([length, list, data, data]));
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
    const others = readdirSync(folder)
      .filter((name) => name.startsWith('cli-') && name.endsWith(suffix) && join(folder, name) !== file)
      .map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { name } of others.slice(KEEP_OTHERS)) rmSync(join(folder, name), { force: true });
  } catch {
    // A read-only or missing home, a full disk: the next run compiles again.
  } finally {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already closed */ }
    try { rmSync(temp, { force: true }); } catch { /* nothing to remove */ }
  }
}
