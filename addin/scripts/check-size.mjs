// The add-in's size budget (issue #5): the shipped .wasm must stay within
// 700,000 bytes. Run after `npm run build:wasm`; exits 1 when over budget.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET = 700_000;
const wasm = fileURLToPath(new URL("../pkg/ehcp_addin_bg.wasm", import.meta.url));
if (!existsSync(wasm)) {
  console.error(`${wasm} is missing: run \`npm run build:wasm\` first`);
  process.exit(1);
}
const bytes = readFileSync(wasm);
const gz = gzipSync(bytes, { level: 9 }).length;
const verdict = bytes.length <= BUDGET ? "within" : "OVER";
console.log(
  `ehcp_addin_bg.wasm: ${bytes.length} bytes (${gz} gzipped), ${verdict} the ${BUDGET}-byte budget` +
    (bytes.length <= BUDGET ? ` (${BUDGET - bytes.length} to spare)` : ` by ${bytes.length - BUDGET}`),
);
process.exit(bytes.length <= BUDGET ? 0 : 1);
