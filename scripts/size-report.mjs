// Sums `twiggy top -f json` of a wasm that still has its name section by crate and
// by function family (module path, generics and hashes dropped), so a size change
// can be traced to the code that caused it. Used by scripts/size.sh.
//
//   node scripts/size-report.mjs TOP.json [FAMILIES]
import { readFileSync } from "node:fs";

const [file, familiesArg] = process.argv.slice(2);
const items = JSON.parse(readFileSync(file, "utf8"));
const families = Number(familiesArg ?? 40);

const STD = new Set(["core", "alloc", "std", "compiler_builtins", "dlmalloc", "panic_abort", "hashbrown", "rustc_demangle"]);

// `<A as B>::f` → ["A", "B"]; `path::f` → ["path::f", null].
function subject(name) {
  if (!name.startsWith("<")) return [name, null];
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "<") depth++;
    else if (c === ">") {
      depth--;
      if (depth === 0) return [name.slice(1, i), null];
    } else if (depth === 1 && name.startsWith(" as ", i)) {
      let j = i + 4, d = 1;
      for (; j < name.length && d > 0; j++) {
        if (name[j] === "<") d++;
        else if (name[j] === ">") d--;
      }
      return [name.slice(1, i), name.slice(i + 4, j - 1)];
    }
  }
  return [name, null];
}

// Module path of a (demangled) item: generics, closures, hashes and type or
// function names dropped; at most three segments.
function modulePath(path, isFunction) {
  let depth = 0, plain = "";
  for (const c of path) {
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (depth === 0) plain += c;
  }
  plain = plain.replace(/^(&|mut |\*const |\*mut |dyn |\[|\(|\s)+/, "");
  plain = plain.replace(/^[^:]*[ ,  let segs = plain.split("::").filter]+(?=[a-z_]+::)/, "");
  let segs = plain.split("::").filter((s) => s && !s.startsWith("{") && !/^h[0-9a-f]{16}$/.test(s));
  if (segs.length < 2) return null;
  if (isFunction) segs = segs.slice(0, -1);
  const type = segs.findIndex((s, i) => i > 0 && /^[A-Z]/.test(s));
  if (type > 0) segs = segs.slice(0, type);
  return segs.slice(0, 3).join("::");
}

function classify(raw) {
  // Debug names and custom sections are not shipped (wasm-opt drops them without -g).
  if (/names" subsection|^custom section|^name section/.test(raw)) return null;
  if (raw.startsWith("data segment") || raw.startsWith("data[")) return ["(data)", "(data segments: strings, tables)"];
  if (/^(custom section|"function names"|type\[|import |export |table\[|elem\[|global\[|code section|wasm magic)/.test(raw) || raw === "")
    return ["(wasm)", "(wasm headers, imports, exports, tables)"];
  // Legacy (`::h…` suffix) and v0 (`crate[…]`) symbol names, as demangled by twiggy.
  const name = raw.replace(/\[[0-9a-f]{6,16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
  if (/^(__wbg|__wbindgen|wasm_bindgen)/.test(name) || name.startsWith("__externref")) return ["wasm_bindgen", "wasm_bindgen (glue)"];
  // Yew's generic lifecycle code with a component inlined into it
  // (`CompStateInner<…::lag_panel::LagPanel>::view`, hooks over `AppState`):
  // counted as the app module it was instantiated for.
  const app = name.match(/^<?(yew|core|alloc)::.*?(kafka_visualiser(::[a-z_0-9]+)+)/);
  if (app) return ["kafka_visualiser", app[2].split("::").slice(0, 3).join("::")];
  const [self, trait] = subject(name);
  let fam = modulePath(self, !name.startsWith("<"));
  if (!fam && trait) fam = modulePath(trait, false);
  if (!fam) return ["(unnamed)", "(unnamed: compiler intrinsics, wasm-opt merged)"];
  let crate = fam.split("::")[0];
  if (STD.has(crate)) crate = "std (" + crate + ")";
  return [crate, fam];
}

const byCrate = new Map(), byFamily = new Map();
let total = 0;
for (const it of items) {
  if (it.name.startsWith("Σ") || it.name.startsWith("... and")) continue;
  const kind = classify(it.name);
  if (!kind) continue;
  const [crate, fam] = kind;
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + it.shallow_size);
  byFamily.set(fam, (byFamily.get(fam) ?? 0) + it.shallow_size);
  total += it.shallow_size;
}

function table(title, map, limit) {
  const rows = [...map].sort((a, b) => b[1] - a[1]);
  console.log(`\n| ${title} | bytes | % |\n|---|---:|---:|`);
  let rest = 0;
  rows.forEach(([k, v], i) => {
    if (i < limit) console.log(`| ${k.replace(/\|/g, "\\|")} | ${v.toLocaleString("en")} | ${((100 * v) / total).toFixed(1)} |`);
    else rest += v;
  });
  if (rest) console.log(`| (${rows.length - limit} more) | ${rest.toLocaleString("en")} | ${((100 * rest) / total).toFixed(1)} |`);
}

console.log(`code + data: ${total.toLocaleString("en")} B raw (name section and custom sections left out)`);
table("crate", byCrate, 100);
table("function family", byFamily, families);
