// Benchmarks for Baton. Prints one `name: value` line per figure.
// Expects a release build in dist/ (bench/run.sh builds it first).
//
// To add a figure: write a function (sync or async) that returns
// { name, value } and add it to FIGURES below.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');

function distWasmFile() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html not found: run trunk build --release first');
  }
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('_bg.wasm'));
  if (wasm.length !== 1) {
    throw new Error(`expected exactly one dist/*_bg.wasm, found ${wasm.length}: ${wasm.join(', ')}`);
  }
  return path.join(DIST, wasm[0]);
}

/** Size of the app's WebAssembly after gzip -9 (what a static host sends). */
function wasmGzipBytes() {
  const bytes = readFileSync(distWasmFile());
  const gz = gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION });
  return { name: 'wasm_gzip_bytes', value: gz.length };
}

const FIGURES = [wasmGzipBytes];

async function main() {
  let failed = 0;
  for (const figure of FIGURES) {
    try {
      const { name, value } = await figure();
      console.log(`${name}: ${value}`);
    } catch (err) {
      failed += 1;
      console.error(`${figure.name}: ERROR ${err.message}`);
    }
  }
  if (failed) process.exitCode = 1;
}

await main();
