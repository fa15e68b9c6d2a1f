// Build step (after tsc): bundles the CLI with esbuild into dist/cli-bundle.cjs and writes dist/cli.js, the small
// loader `bin` points at. The loader runs the bundle through vm.Script with a V8 code cache kept in the user's cache
// folder (see scripts/cli-loader.mjs), so a run neither resolves ~150 module files nor compiles what it ran before.
// The library (dist/index.js) stays tsc's output: this only replaces the command line's entry.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli-bundle.cjs`;

/**
 * Modules a usual run never loads and that pull in zod (580 KB, more than half a bundle): validating a config file
 * and loading rules from YAML. The bundle keeps their dynamic import() and loads tsc's dist/ copy when needed, so a
 * run without a config neither reads nor compiles them.
 */
const COLD = ['config/schema.ts', 'ruleset/load.ts', 'scan/command.ts', 'format/cyclonedx.ts'];
/**
 * Packages only a Hub run loads (by import()), left out of the bundle and loaded from node_modules then: the Hub
 * client and its hashing are ES modules, whose functions esbuild hoists into the bundle's top level, where V8 keeps
 * a record of every one in each run's compile and code cache (about a quarter of the bundle) although a local check
 * never calls them.
 */
const COLD_PACKAGES = ['@huggingface/hub'];
const cold = {
  name: 'osai-cold-modules',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      if (COLD_PACKAGES.includes(args.path)) return { path: args.path, external: true };
      if (!args.path.endsWith('.js')) return undefined;
      const target = relative(`${root}src`, resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'))).split(sep).join('/');
      return COLD.includes(target) ? { path: `./${target.replace(/\.ts$/, '.js')}`, external: true } : undefined;
    });
  },
};

/**
 * A built-in module a dependency loads at import and a run never uses, costing 10–14 ms of Node's own module
 * compiling: commander's node:child_process (only for executable subcommands, which osai has none of). It is replaced
 * by a shim that loads the real module when needed.
 */
const SHIMS = {
  'node:child_process': { from: '/node_modules/commander/', contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });" },
};
const shims = {
  name: 'osai-lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => {
      const shim = SHIMS[args.path];
      return args.importer.split(sep).join('/').includes(shim.from) ? { path: args.path, namespace: 'osai-shim' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'osai-shim' }, (args) => ({ contents: SHIMS[args.path].contents, loader: 'js' }));
  },
};

/**
 * The sources load package data with createRequire(import.meta.url), which esbuild cannot follow. In the bundle
 * that is the wrapper's own require, so the SPDX lists and spdx-correct are bundled (and code-cached) instead of
 * resolved from node_modules at each start; requires of a computed path (dist/*.json) stay run-time requires.
 */
const bundleRequire = {
  name: 'osai-bundle-require',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return {
        contents: text.replace(/^const require = createRequire\(import\.meta\.url\);$/m, '').replace(/createRequire\(import\.meta\.url\)\(/g, 'require('),
        loader: 'ts',
      };
    });
  },
};

/**
 * Dependencies' data that only some input needs, imported when first used instead of at every start. esbuild turns a
 * require() of an ES module into a lazily run wrapper. character-entities is the 2,231 HTML entity names, which V8
 * builds property by property (about 3 ms) while only a card with a named reference such as `&copy;` reads one.
 * Each rewrite names the exact source text it replaces, so a dependency that changes fails the build.
 */
const LAZY_IMPORTS = {
  'node_modules/decode-named-character-reference/index.js': [
    ["import {characterEntities} from 'character-entities'", "let characterEntities"],
    ['return own.call(characterEntities, value)', "characterEntities ??= require('character-entities').characterEntities\n  return own.call(characterEntities, value)"],
  ],
};
const lazyImports = {
  name: 'osai-lazy-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, (args) => {
      const edits = LAZY_IMPORTS[relative(root, args.path).split(sep).join('/')];
      if (!edits) return undefined;
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to] of edits) {
        if (text.split(from).length !== 2) throw new Error(`bundle: ${args.path} no longer holds "${from}" once; update LAZY_IMPORTS`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [`${root}src/cli.ts`],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20.18',
  // CommonJS, because vm.Script (the only code cache Node 20 offers a program) runs scripts, not ES modules.
  format: 'cjs',
  // The loader passes the bundle's own path in (__osaiBundleFile): paths.ts finds package.json and dist/ from it.
  // Nothing else in the bundle reads import.meta.url (createRequire's are rewritten below).
  define: { 'import.meta.url': 'undefined' },
  // Whitespace and syntax only: an internal error's stack keeps its function names. OSAI_BUNDLE_READABLE=1 keeps
  // one statement a line, for reading a --cpu-prof profile.
  minifyWhitespace: !process.env.OSAI_BUNDLE_READABLE,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [cold, shims, bundleRequire, lazyImports],
  // The 5 MB of SPDX license texts are only read to rebuild a missing reference index: never bundled.
  external: ['spdx-license-list', 'spdx-license-list/*'],
  metafile: true,
});
if (process.env.OSAI_BUNDLE_META) writeFileSync(process.env.OSAI_BUNDLE_META, JSON.stringify(result.metafile));
const bundled = Object.keys(result.metafile.inputs);
if (bundled.some((input) => input.includes('node_modules/zod/'))) throw new Error('bundle: zod reached the CLI bundle; keep it behind a cold module');

// The entry's hashbang belongs to the loader; inside the function wrapper it would be a syntax error.
// A script run by vm.Script cannot import() (Node 20 has only an experimental hook for it, lost with a code cache):
// the loader passes __osaiImport in for the cold modules, and a built-in module is simply required.
let imports = 0;
const source = readFileSync(bundle, 'utf8').replace(/^#![^\n]*\n/, '')
  .replace(/\bimport\(("\.\/[\w/-]+\.js")\)/g, (_, specifier) => { imports++; return `__osaiImport(${specifier})`; })
  .replace(/\bimport\(("[@\w][\w@/.-]*")\)/g, (whole, specifier) => {
    if (!COLD_PACKAGES.includes(JSON.parse(specifier))) return whole;
    imports++;
    return `__osaiImport(${specifier})`;
  })
  .replace(/\bimport\(("node:[\w/]+")\)/g, (_, specifier) => `Promise.resolve().then(() => require(${specifier}))`);
if (/\bimport\(/.test(source)) throw new Error(`bundle: an import() the loader cannot run: ${/.{60}\bimport\(.{40}/.exec(source)?.[0]}`);
if (imports !== COLD.length + COLD_PACKAGES.length) throw new Error(`bundle: expected ${COLD.length + COLD_PACKAGES.length} import() of cold modules and packages, found ${imports}`);
// The loader reads the bundle as latin1, the cheapest decoding to a string. esbuild escapes non-ASCII in strings
// and names but not in regular expression literals (a © in the copyright-line pattern): each UTF-16 unit becomes a
// \uXXXX escape, which means the same in a string, a template's cooked text and a regular expression (with or
// without the u flag); only a raw template would differ, so there must be none.
if (/\bString\.raw\b/.test(source)) throw new Error('bundle: String.raw would see \\u escapes of non-ASCII text');
const ascii = source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
// The file is the function the loader calls, wrapper included: the loader hands V8 the string as read, with no
// 760 KB concatenation for V8 to flatten (copy) before it compiles or checks the cache.
const WRAPPER = '(function (exports, require, module, __filename, __dirname, __osaiBundleFile, __osaiImport) {';
writeFileSync(bundle, `${WRAPPER}${ascii}\n})`);
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
const loader = readFileSync(`${root}scripts/cli-loader.cjs`, 'utf8')
  .replace("'@OSAI_VERSION@'", JSON.stringify(pkg.version))
  .replace("'@BUNDLE_HASH@'", JSON.stringify(hash));
writeFileSync(`${root}dist/cli.cjs`, loader);
chmodSync(`${root}dist/cli.cjs`, 0o755);
// dist/cli.js (tsc's unbundled entry) becomes the same command for whoever runs `node dist/cli.js`.
writeFileSync(`${root}dist/cli.js`, `#!/usr/bin/env node
// The command line as an ES module entry; package.json \`bin\` is dist/cli.cjs, which starts faster.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./cli.cjs');
`);
chmodSync(`${root}dist/cli.js`, 0o755);
