// The add-in's size: issue #5's budget for the shipped .wasm is 700,000
// bytes. It is not met yet (878 KB on 27 Nov 2026; see bench/RESULTS.md for
// where the rest goes), so this check has two levels:
// - over CEILING (the size reached so far, plus a little room): exit 1, a
//   regression — something made the module bigger again;
// - over BUDGET but under CEILING: reported, exit 0.
// When the budget is met, set CEILING to BUDGET. Run after `npm run build:wasm`.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET = 700_000;
export const CEILING = 890_000;
const wasm = fileURLToPath(new URL("../pkg/ehcp_addin_bg.wasm", import.meta.url));
if (!existsSync(wasm)) {
  console.error(`${wasm} is missing: run \`npm run build:wasm\` first`);
  process.exit(1);
}
const bytes = readFileSync(wasm);
const gz = gzipSync(bytes, { level: 9 }).length;
const size = `ehcp_addin_bg.wasm: ${bytes.length} bytes (${gz} gzipped)`;
if (bytes.length <= BUDGET) {
  console.log(`${size}, within the ${BUDGET}-byte budget (${BUDGET - bytes.length} to spare)`);
} else if (bytes.length <= CEILING) {
  console.log(
    `${size}: OVER the ${BUDGET}-byte budget by ${bytes.length - BUDGET} (issue #5 open), ` +
      `under the ${CEILING}-byte regression ceiling`,
  );
} else {
  console.error(
    `${size}: bigger than the ${CEILING}-byte regression ceiling by ${bytes.length - CEILING} ` +
      `(budget ${BUDGET}): something made the module grow`,
  );
  process.exit(1);
}
