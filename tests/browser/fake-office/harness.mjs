// Shared set-up for the add-in's browser tests: builds the pane, makes the
// test plans, serves addin/dist on 127.0.0.1, launches the system Chromium
// (headless, no network features) and records every request a page makes.
import { execFileSync, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../../..");
export const addin = join(repo, "addin");
export const dist = join(addin, "dist");
export const output = join(repo, "tests/output/addin");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let built = false;
/** Builds the wasm and the pane (incremental; EHCP_ADDIN_PREBUILT=1 skips it). */
export function buildPane() {
  if (built || process.env.EHCP_ADDIN_PREBUILT === "1") return;
  if (!existsSync(join(addin, "node_modules/esbuild"))) {
    throw new Error("addin/node_modules is missing: run `npm ci` in addin/ first");
  }
  execFileSync("node", ["scripts/build-wasm.mjs"], { cwd: addin, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("node", ["build.mjs"], { cwd: addin, stdio: ["ignore", "ignore", "inherit"] });
  built = true;
}

/** The plans to test with: the repository's samples, else plans built here with python-docx. */
export function plans() {
  const samples = join(repo, "samples");
  const found = existsSync(samples)
    ? readdirSync(samples).filter((f) => f.endsWith(".docx")).map((f) => join(samples, f))
    : [];
  return { samples: found, generated: generatedPlans() };
}

let generated = null;
export function generatedPlans() {
  if (generated) return generated;
  const dir = join(output, "plans");
  mkdirSync(dir, { recursive: true });
  execFileSync("python3", [join(here, "make-plans.py"), dir], { stdio: "inherit" });
  generated = {
    few: join(dir, "plan-few.docx"),
    many: join(dir, "plan-many.docx"),
    hostile: join(dir, "plan-hostile.docx"),
    flat: join(dir, "plan-few.xml"),
  };
  return generated;
}

let exampleBuilt = false;
/** Runs the pane's entry points natively (`cargo run --example pane`). */
export function nativePane(command, file) {
  if (!exampleBuilt) {
    execFileSync("cargo", ["build", "-q", "-p", "ehcp-addin", "--example", "pane"], { cwd: repo, stdio: "inherit" });
    exampleBuilt = true;
  }
  const target = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
  const out = spawnSync(join(target, "debug/examples/pane"), [command, file], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`pane ${command} ${file}: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/**
 * The CLI's `check --format json` for a file, when the CLI has it (built in
 * debug on demand); null when this checkout's CLI has no `check` yet.
 */
export function cliCheck(file) {
  const target = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
  const bin = join(target, "debug/ehcp");
  const build = spawnSync("cargo", ["build", "-q", "-p", "ehcp-cli"], { cwd: repo, stdio: "inherit" });
  if (build.status !== 0 || !existsSync(bin)) return null;
  const out = spawnSync(bin, ["check", "--format", "json", file], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (out.status !== 0 && out.status !== 1) return null;
  try {
    return JSON.parse(out.stdout);
  } catch {
    return null;
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/** Serves addin/dist on 127.0.0.1 (a random port), with the pane's CSP header. */
export async function serve() {
  const { staticHandler } = await import(join(addin, "scripts/serve.mjs"));
  const server = createServer(staticHandler(dist));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A page whose every request is recorded; anything not for 127.0.0.1 (or
 * data:/blob:) is aborted and listed in `external`. With `fakeOffice`, the
 * Office.js address is answered by the fake host (before the network).
 */
export async function newPage(browser, { width = 400, height = 900, fakeOffice = null, acceptDownloads = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads });
  const requests = [];
  const external = [];
  const errors = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (fakeOffice && url === OFFICE_JS) {
      await route.fulfill({ contentType: "text/javascript", body: readFileSync(join(here, "office.js"), "utf8") });
      return;
    }
    const u = new URL(url);
    if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") {
      await route.continue();
      return;
    }
    external.push(url);
    await route.abort();
  });
  if (fakeOffice) {
    await context.addInitScript((config) => {
      window.__FAKE_OFFICE__ = config;
    }, fakeOffice);
  }
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, requests, external, errors };
}

/** Requests that left 127.0.0.1 (data:, blob: and the routed fake Office.js excepted). */
export function offending(requests) {
  return requests.filter((url) => {
    if (url === OFFICE_JS) return false; // answered by page.route, never reaches the network
    const u = new URL(url);
    return !(u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:");
  });
}

export function fileBase64(path) {
  return readFileSync(path).toString("base64");
}

export function newer(a, b) {
  return statSync(a).mtimeMs > statSync(b).mtimeMs;
}
