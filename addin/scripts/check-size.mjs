// The add-in's size: issue #5's budget for the shipped .wasm is 700,000
// bytes. Over it, this exits 1 and the build fails. bench/RESULTS.md says
// where the bytes go and what was cut to get under. Run after
// `npm run build:wasm`.
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
const size = `ehcp_addin_bg.wasm: ${bytes.length} bytes (${gz} gzipped)`;
if (bytes.length <= BUDGET) {
  console.log(`${size}, within the ${BUDGET}-byte budget (${BUDGET - bytes.length} to spare)`);
} else {
  console.error(
    `${size}: OVER the ${BUDGET}-byte budget by ${bytes.length - BUDGET}: ` +
      "something made the module grow (twiggy on a build with CARGO_PROFILE_WASM_STRIP=false shows what)",
  );
  process.exit(1);
}
