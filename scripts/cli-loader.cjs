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
// The file starts with a CRC-32 of the V8 data: V8 checks only a header (a flipped byte in the body crashed Node or
// could run other code), so a file whose checksum does not match is never handed to V8. And since cached code is
// code osai runs, a folder or file that is not the user's own, or that others may write (a shared XDG_CACHE_HOME
// such as /tmp), is neither read nor written.
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { isAbsolute, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const VERSION = '@OSAI_VERSION@';
const BUNDLE_HASH = '@BUNDLE_HASH@';
const bundle = join(__dirname, 'cli-bundle.cjs');
const folder = cacheFolder();
// Other builds' caches for this Node are removed when a new one is written; other Nodes' are left alone.
const suffix = `-node${process.versions.node}-${process.arch}.v8`;
const cacheFile = folder && join(folder, `cli-${VERSION}-${BUNDLE_HASH}${suffix}`);

let cachedData;
if (cacheFile) {
  let fd;
  try {
    fd = openSync(cacheFile, 'r');
    if (!ownOnly(fstatSync(fd)) || !ownOnly(statSync(folder))) throw new Error('not the user\'s own');
    const file = readFileSync(fd);
    const data = file.subarray(4);
    // Damaged (or from something else): compile as usual, and write a good one at exit.
    if (file.length > 4 && file.readUInt32LE(0) === crc32(data)) cachedData = data;
  } catch {
    cachedData = undefined; // none yet, unreadable or untrusted: compile as usual
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
const source = readFileSync(bundle, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname, __osaiBundleUrl, __osaiImport) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
// Written at exit, so the cache holds every function this run compiled, not only the top level.
if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(cacheFile));
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, require, bundleModule, bundle, __dirname, pathToFileURL(bundle).href,
  // The few cold modules the bundle leaves out (those that need zod) come from tsc's dist/ beside it.
  (specifier) => import(pathToFileURL(join(__dirname, specifier)).href));

/** The cache folder, or undefined when the cache is off or there is no home to put it in. */
function cacheFolder() {
  if (process.env.OSAI_NO_CODE_CACHE) return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'osai');
  let home;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, '.cache', 'osai') : undefined;
}

/** Whether a cache file or folder is the user's own and nobody else may write it (always true where there are no uids). */
function ownOnly(info) {
  return typeof process.getuid !== 'function' || (info.uid === process.getuid() && (info.mode & 0o022) === 0);
}

/** Writes the code cache atomically (a temporary file, then a rename) and drops older builds' caches; never throws. */
function writeCache(file) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(data), 0);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownOnly(statSync(folder))) return;
    writeFileSync(temp, Buffer.concat([sum, data]), { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith('cli-') && name.endsWith(suffix) && join(folder, name) !== file) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // A read-only or missing home, a full disk: the next run compiles again.
  } finally {
    try { rmSync(temp, { force: true }); } catch { /* nothing to remove */ }
  }
}
