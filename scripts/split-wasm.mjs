#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): cuts the app's WebAssembly into the
// first download and the pages loaded on demand (src/pages/lazy.rs).
//
// Trunk has already built index.html, <stem>.js and <stem>_bg.wasm into its
// staging folder from the whole program. This hook
//   1. splits cargo's own output (linked with --emit-relocs, see
//      .cargo/config.toml) with wasm-split-cli (crate wasm_split_cli_support,
//      installed by scripts/setup.sh) into a main module, one file per page
//      group and shared chunks, plus the small JavaScript that loads them;
//   2. runs wasm-bindgen on the main module (as Trunk does, keeping the
//      linker's exports the chunks link against) and replaces Trunk's
//      <stem>.js and <stem>_bg.wasm with the result;
//   3. runs wasm-opt on every file (release builds), with WASM_OPT_ARGS below;
//   4. gives the loader and the chunks names derived from <stem> (which
//      changes with every build of different code), so that no browser cache
//      can mix files of two builds, and updates the integrity hashes of
//      index.html.
// A build without split points is left exactly as Trunk made it.
//
// Environment (set by Trunk): TRUNK_STAGING_DIR, TRUNK_PROFILE; CARGO_TARGET_DIR
// if the build used one.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The release optimisation of every file (index.html tells Trunk not to run
// wasm-opt itself: its output would be replaced here anyway). Measured on
// this app: -Os gives smaller gzip files than -Oz, with or without
// --converge, and takes a third of the time of -Oz --converge.
const WASM_OPT_ARGS = ['-Os', '--strip-debug', '--strip-producers'];
const WASM_OPT_VERSION = 'version 132';
const CRATE_WASM = 'baton.wasm';

const log = (msg) => console.log(`[split-wasm] ${msg}`);
const die = (msg) => {
  console.error(`[split-wasm] ERROR: ${msg}`);
  process.exit(1);
};
const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (err) {
    die(`${cmd} ${args.join(' ')} failed (${err.status ?? err.message})`);
  }
};

const staging = process.env.TRUNK_STAGING_DIR || die('TRUNK_STAGING_DIR is not set (run through trunk build)');
const release = process.env.TRUNK_PROFILE === 'release';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(root, process.env.CARGO_TARGET_DIR);
  const meta = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline', '--manifest-path', path.join(root, 'Cargo.toml')]));
  return meta.target_directory;
}

/** Names of the custom sections of a wasm file. */
function customSections(bytes) {
  const names = [];
  let p = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let b;
    do {
      b = bytes[p++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return r;
  };
  while (p < bytes.length) {
    const id = bytes[p++];
    const len = leb();
    const end = p + len;
    if (id === 0) {
      const n = leb();
      names.push(bytes.subarray(p, p + n).toString('utf8'));
    }
    p = end;
  }
  return names;
}

const sri = (file) => 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64');

// ---------------------------------------------------------------------------
const profileDir = release ? 'release' : 'debug';
const input = path.join(targetDir(), 'wasm32-unknown-unknown', profileDir, CRATE_WASM);
if (!fs.existsSync(input)) die(`${input} not found`);
const inputBytes = fs.readFileSync(input);
if (!customSections(inputBytes).includes('__wasm_split_unstable')) {
  log('no on-demand pages in this build: nothing to split');
  process.exit(0);
}
if (!customSections(inputBytes).some((n) => n.startsWith('reloc.'))) {
  die(`${input} has no relocations: link with --emit-relocs (.cargo/config.toml)`);
}

const bgWasm = fs.readdirSync(staging).filter((f) => f.endsWith('_bg.wasm'));
if (bgWasm.length !== 1) die(`expected one *_bg.wasm in ${staging}, found ${bgWasm.length}`);
const stem = bgWasm[0].slice(0, -'_bg.wasm'.length); // e.g. baton-7aabbc316a7c29e8
const jsName = `${stem}.js`;
const linkName = `${stem}-split.js`;
if (!fs.existsSync(path.join(staging, jsName))) die(`${jsName} not found in ${staging}`);

if (release) {
  const v = run('wasm-opt', ['--version']);
  if (!v.includes(WASM_OPT_VERSION)) die(`wasm-opt on PATH is '${v.trim()}', expected ${WASM_OPT_VERSION} (source scripts/env.sh)`);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-split-'));
try {
  // 1. Split.
  const splitDir = path.join(work, 'split');
  run('wasm-split-cli', ['--target', 'web', '--out-name', stem, input, splitDir]);

  // 2. wasm-bindgen on the main module.
  const bindgenDir = path.join(work, 'bindgen');
  run('wasm-bindgen', [
    '--target=web',
    '--no-typescript',
    '--keep-lld-exports',
    '--no-demangle',
    `--out-dir=${bindgenDir}`,
    `--out-name=${stem}`,
    path.join(splitDir, `${stem}.wasm`),
  ]);
  // JavaScript snippets of the program (`inline_js`): the same ones Trunk
  // copied, replaced by those of this run to be sure they match.
  if (fs.existsSync(path.join(bindgenDir, 'snippets'))) {
    fs.rmSync(path.join(staging, 'snippets'), { recursive: true, force: true });
    fs.cpSync(path.join(bindgenDir, 'snippets'), path.join(staging, 'snippets'), { recursive: true });
  }

  // The glue imports the loader by its default name: give it ours (only in
  // `import ... from`; the wasm's import module keeps its name).
  let glue = fs.readFileSync(path.join(bindgenDir, `${stem}.js`), 'utf8');
  const defaultLink = /(\bfrom\s*)(['"])\.\/__wasm_split\.js\2/g;
  if (!defaultLink.test(glue)) die(`${stem}.js does not import ./__wasm_split.js`);
  glue = glue.replace(defaultLink, `$1'./${linkName}'`);
  fs.writeFileSync(path.join(staging, jsName), glue);
  fs.copyFileSync(path.join(bindgenDir, `${stem}_bg.wasm`), path.join(staging, bgWasm[0]));

  // 3 and 4. Chunks: renamed, optimised; the loader follows the new names.
  let loader = fs.readFileSync(path.join(splitDir, '__wasm_split.js'), 'utf8');
  const chunks = fs.readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  const outputs = [bgWasm[0]];
  for (const chunk of chunks) {
    const renamed = `${stem}-${chunk}`;
    const ref = `"./${chunk}"`;
    if (!loader.includes(ref)) die(`the loader does not mention ${chunk}`);
    loader = loader.split(ref).join(`"./${renamed}"`);
    fs.copyFileSync(path.join(splitDir, chunk), path.join(staging, renamed));
    outputs.push(renamed);
  }
  fs.writeFileSync(path.join(staging, linkName), loader);
  if (release) {
    for (const f of outputs) {
      const file = path.join(staging, f);
      run('wasm-opt', [...WASM_OPT_ARGS, file, '-o', file]);
    }
  }

  // Integrity hashes of index.html, recomputed for every file it names.
  const htmlPath = path.join(staging, 'index.html');
  const html = fs.readFileSync(htmlPath, 'utf8').replace(/<link\b[^>]*>/g, (tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href || !/\bintegrity="/.test(tag)) return tag;
    // Browsers ignore (and Chromium warns about) integrity on a preload of
    // the fetch kind, which is how the main .wasm is preloaded: drop it there.
    if (/\bas="fetch"/.test(tag)) return tag.replace(/\s+integrity="[^"]*"/, '');
    const file = path.join(staging, decodeURI(href.replace(/^\/+/, '')));
    if (!fs.existsSync(file)) return tag;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri(file)}"`);
  });
  fs.writeFileSync(htmlPath, html);

  const size = (f) => fs.statSync(path.join(staging, f)).size;
  log(`${bgWasm[0]}: ${size(bgWasm[0])} bytes; ${chunks.length} on-demand files: ${outputs.slice(1).map((f) => `${f.slice(stem.length + 1)} ${size(f)}`).join(', ')}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
