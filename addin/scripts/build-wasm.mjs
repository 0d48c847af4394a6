// Builds the core as WebAssembly (the workspace's `wasm` profile: opt-level
// z, fat LTO, panic=abort), runs wasm-bindgen (--target web) into pkg/, then
// binaryen's wasm-opt -Oz --converge (npm `binaryen`; skipped when the input is
// unchanged since the last run, or with --no-opt).
// Needs the wasm32-unknown-unknown target and wasm-bindgen-cli 0.2.130
// (`cargo install wasm-bindgen-cli --version 0.2.130`).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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

if (!process.argv.includes("--no-opt")) {
  // --converge repeats -Oz until the module stops shrinking (~1 KiB, a few s);
  // wasm-bindgen already drops DWARF, the strips make sure nothing is left.
  const args = [
    "-Oz",
    "--converge",
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
  ];
  // The cache key covers the flags too: changing them re-runs wasm-opt.
  const hash = createHash("sha256").update(readFileSync(wasm)).update(JSON.stringify(args)).digest("hex");
  const stamp = `${addin}pkg/.wasm-opt`;
  const cached = `${addin}pkg/.ehcp_addin_bg.opt.wasm`;
  if (existsSync(stamp) && existsSync(cached) && readFileSync(stamp, "utf8") === hash) {
    writeFileSync(wasm, readFileSync(cached));
  } else {
    execFileSync(`${addin}node_modules/.bin/wasm-opt`, [...args, wasm, "-o", `${wasm}.opt`], { stdio: "inherit" });
    renameSync(`${wasm}.opt`, wasm);
    writeFileSync(cached, readFileSync(wasm));
    writeFileSync(stamp, hash);
  }
}
const gz = gzipSync(readFileSync(wasm), { level: 9 }).length;
console.log(`ehcp_addin_bg.wasm: ${statSync(wasm).size} bytes (${gz} gzipped)`);
