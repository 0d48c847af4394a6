// Bundles the pane with esbuild into dist/: taskpane.js (the page),
// worker.js (the core's Web Worker, with the wasm-bindgen glue inlined),
// the .wasm, the HTML, CSS and icons. Run after scripts/build-wasm.mjs.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = `${here}dist/`;
const minify = !process.argv.includes("--dev");

if (!existsSync(`${here}pkg/ehcp_addin_bg.wasm`)) {
  console.error("pkg/ehcp_addin_bg.wasm is missing: run `npm run build:wasm` first");
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(`${dist}assets`, { recursive: true });

const common = {
  bundle: true,
  minify,
  sourcemap: minify ? false : "inline",
  target: ["es2020", "chrome90", "safari15", "edge90"],
  format: "iife",
  legalComments: "none",
  logLevel: "warning",
  // wasm-bindgen's default wasm URL uses import.meta.url; the worker always
  // passes its own URL, so the default is never taken.
  define: { "import.meta.url": "self.location.href" },
};
await esbuild.build({ ...common, entryPoints: [`${here}src/taskpane/taskpane.ts`], outfile: `${dist}taskpane.js` });
await esbuild.build({ ...common, entryPoints: [`${here}src/taskpane/worker.ts`], outfile: `${dist}worker.js` });
cpSync(`${here}src/taskpane/taskpane.html`, `${dist}taskpane.html`);
cpSync(`${here}src/taskpane/taskpane.css`, `${dist}taskpane.css`);
cpSync(`${here}pkg/ehcp_addin_bg.wasm`, `${dist}ehcp_addin_bg.wasm`);
cpSync(`${here}assets`, `${dist}assets`, { recursive: true });
console.log(`pane built into ${dist}`);
