// The add-in's .wasm checking one plan in Node (V8, the engine Chromium
// runs it with), without a browser: quicker to repeat than bench.mjs when
// comparing two builds on a busy machine, and it reports the fastest run
// besides the median (the fastest is the least disturbed by other load).
//
//   node addin/bench/node-check.mjs [PLAN.docx] [--runs 50] [--pkg addin/pkg]
//
// Needs the .wasm built (node addin/scripts/build-wasm.mjs). Prints JSON.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option("--runs", 50));
const pkg = option("--pkg", join(repo, "addin/pkg"));
const plan = args.find((a) => a.endsWith(".docx")) ?? join(repo, "samples/single-h.docx");

const glue = await import(pathToFileURL(join(pkg, "ehcp_addin.js")).href);
const t0 = performance.now();
glue.initSync({ module: readFileSync(join(pkg, "ehcp_addin_bg.wasm")) });
const instantiate = performance.now() - t0;
const bytes = new Uint8Array(readFileSync(plan));
const t1 = performance.now();
glue.check(bytes, undefined, "plan.docx");
const first = performance.now() - t1;
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  glue.check(bytes, undefined, "plan.docx");
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = (x) => Number(x.toFixed(2));
console.log(
  JSON.stringify({
    plan: plan.replace(repo, ""),
    runs,
    instantiate_ms: ms(instantiate),
    first_check_ms: ms(first),
    min_ms: ms(times[0]),
    median_ms: ms(times[Math.floor(times.length / 2)]),
  }),
);
