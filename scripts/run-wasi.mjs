// Runs a wasm32-wasip1 program under Node's WASI (Node 20+):
//   node scripts/run-wasi.mjs path/to/program.wasm [ARGS...]
// The program sees ARGS, the environment, stdout and stderr; no file system.
// Its exit code becomes this script's.
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import v8 from 'node:v8';
import { WASI } from 'node:wasi';

// Node's WASI calls are V8 "fast API calls", and those can trigger a GC, which
// V8 does not allow there: Node 20 intermittently crashes (SIGSEGV, or "Fatal
// error ... unreachable code") once the wasm code calling them is optimised
// (nodejs/node#46777, #53087). Turning fast API calls off avoids it; it only
// affects calls into WASI (the clock, stdout), not the wasm code itself.
// Set before any module is compiled.
v8.setFlagsFromString('--no-turbo-fast-api-calls');

const [wasmPath, ...args] = process.argv.slice(2);
if (!wasmPath) {
  console.error('usage: node scripts/run-wasi.mjs PROGRAM.wasm [ARGS...]');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: [wasmPath, ...args],
  env: process.env,
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
