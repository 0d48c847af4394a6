// Benchmark: the core as WebAssembly in Chromium (in the pane's worker) vs
// native (release build of the same entry point), the bundle's size, and the
// time from opening the pane (inside a fake Word host) to the first result.
//
//   node addin/bench/bench.mjs [PLAN.docx] [--runs 30]
//
// Needs the pane built (npm run build in addin/) and tests/browser's
// node_modules (playwright-core). Writes addin/bench/RESULTS.md.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const harness = await import(join(here, "../../tests/browser/fake-office/harness.mjs"));
const { repo, dist, serve, launch, newPage, generatedPlans, nativePane, fileBase64 } = harness;

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 30;
const plan = args.find((a) => a.endsWith(".docx")) ?? pickPlan();

function pickPlan() {
  const samples = join(repo, "samples");
  try {
    const files = readdirSync(samples).filter((f) => f.endsWith(".docx")).map((f) => join(samples, f));
    if (files.length) return files.sort((a, b) => statSync(a).size - statSync(b).size)[Math.floor(files.length / 2)];
  } catch {
    /* no samples yet */
  }
  return generatedPlans().few;
}

// Native, release.
execFileSync("cargo", ["build", "-q", "--release", "-p", "ehcp-addin", "--example", "pane"], { cwd: repo, stdio: "inherit" });
const target = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
const native = JSON.parse(
  spawnSync(join(target, "release/examples/pane"), ["bench", plan, String(runs)], { encoding: "utf8" }).stdout,
);

// Bundle.
const sizes = {};
for (const f of ["ehcp_addin_bg.wasm", "worker.js", "taskpane.js", "taskpane.css", "taskpane.html"]) {
  const bytes = readFileSync(join(dist, f));
  sizes[f] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
const total = Object.values(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });

const server = await serve();
const browser = await launch();
try {
  // WASM in the worker, as the pane runs it.
  const { page, context } = await newPage(browser);
  await page.goto(`${server.origin}/taskpane.html`);
  const wasm = await page.evaluate(
    async ({ b64, runs }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const t0 = performance.now();
      const worker = new Worker("worker.js");
      const ready = await new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
      const startup = performance.now() - t0;
      const times = [];
      for (let i = 0; i <= runs; i++) {
        const reply = await new Promise((resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.postMessage({ id: i, op: "check", bytes, fileName: "plan.docx" });
        });
        if (!reply.ok) throw new Error(reply.error);
        if (i > 0) times.push(reply.ms); // the first run warms up
      }
      worker.terminate();
      times.sort((a, b) => a - b);
      return { startup, instantiate: ready.ms, median: times[Math.floor(times.length / 2)], mean: times.reduce((a, b) => a + b, 0) / times.length };
    },
    { b64: fileBase64(plan), runs },
  );
  await context.close();

  // Opening the pane in (fake) Word to the first result on screen.
  const firsts = [];
  for (let i = 0; i < 5; i++) {
    const paragraphs = nativePane("paragraphs", plan);
    const session = await newPage(browser, { fakeOffice: { docBase64: fileBase64(plan), paragraphs, wordApi: "1.4" } });
    await session.page.goto(`${server.origin}/taskpane.html?_host_Info=Word$Win32$16.01$en-GB$$$$0`);
    await session.page.waitForFunction(() => document.body.dataset.state === "checked");
    firsts.push(await session.page.evaluate(() => window.goldenThread.timings.firstResultSinceNavigation));
    await session.context.close();
  }
  firsts.sort((a, b) => a - b);
  const firstResult = firsts[Math.floor(firsts.length / 2)];

  const ratio = wasm.median / native.ms_per_check;
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const md = `# Add-in benchmark

Plan: \`${plan.replace(repo + "/", "")}\` (${kb(statSync(plan).size)}), ${runs} runs after a warm-up.

| | time per check |
|---|---|
| native (release, \`pane bench\`) | ${native.ms_per_check.toFixed(2)} ms |
| WebAssembly in Chromium (the pane's worker, median) | ${wasm.median.toFixed(2)} ms |
| ratio | ${ratio.toFixed(2)}× |

Worker start (fetch + compile + instantiate the .wasm): ${wasm.startup.toFixed(0)} ms.
Opening the pane in (fake) Word to the first result shown (median of 5, from navigation start): ${firstResult.toFixed(0)} ms.

| file | raw | gzip |
|---|---|---|
${Object.entries(sizes).map(([f, s]) => `| ${f} | ${kb(s.raw)} | ${kb(s.gzip)} |`).join("\n")}
| total | ${kb(total.raw)} | ${kb(total.gzip)} |

Machine: ${process.env.BENCH_MACHINE ?? "shared 2-core build box (numbers are noisy)"}.
`;
  // The measured block replaces the top of RESULTS.md; the history below
  // it (the sections, from the first "## ") is kept.
  const results = join(here, "RESULTS.md");
  let history = "";
  try {
    const previous = readFileSync(results, "utf8");
    const at = previous.indexOf("\n## ");
    if (at >= 0) history = previous.slice(at);
  } catch {
    /* first run */
  }
  writeFileSync(results, md + history);
  console.log(md);
} finally {
  await browser.close();
  await server.close();
}
