// Builds the core as WebAssembly (the workspace's `wasm` profile: opt-level
// z, fat LTO, panic=abort) and runs wasm-bindgen (--target web) into pkg/.
// Needs the wasm32-unknown-unknown target and wasm-bindgen-cli 0.2.130
// (`cargo install wasm-bindgen-cli --version 0.2.130`).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";

const addin = fileURLToPath(new URL("..", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run("cargo", ["build", "-p", "ehcp-addin", "--target", "wasm32-unknown-unknown", "--profile", "wasm"]);
const target = process.env.CARGO_TARGET_DIR ?? `${root}target`;
// With the glue's .d.ts: the pane's code is typechecked against it.
run("wasm-bindgen", [
  "--target",
  "web",
  "--out-dir",
  `${addin}pkg`,
  `${target}/wasm32-unknown-unknown/wasm/ehcp_addin.wasm`,
]);
const wasm = `${addin}pkg/ehcp_addin_bg.wasm`;
const gz = gzipSync(readFileSync(wasm), { level: 9 }).length;
console.log(`ehcp_addin_bg.wasm: ${statSync(wasm).size} bytes (${gz} gzipped)`);
