// Builds the core as WebAssembly (the workspace's `wasm` profile: opt-level
// z, fat LTO, panic=abort), runs wasm-bindgen (--target web) into pkg/, then
// binaryen's wasm-opt -Oz --converge (npm `binaryen`; skipped when the input is
// unchanged since the last run, or with --no-opt).
//
// The .wasm is built with a pinned nightly (NIGHTLY below, installed by
// scripts/install-deps) so that std itself is rebuilt for size
// (-Zbuild-std, `optimize_for_size`: std's sorts shrink from ~139 KB to ~17 KB)
// and panics abort without formatting their messages or locations
// (-Cpanic=immediate-abort, -Zlocation-detail=none).
// It has its own target directory (target/wasm-nightly) so it never
// invalidates the stable build cache; the core still builds on stable wasm32
// (scripts/test checks that separately).
// Needs that toolchain with rust-src and the wasm32-unknown-unknown target,
// and wasm-bindgen-cli 0.2.130 (`cargo install wasm-bindgen-cli --version 0.2.130`).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const addin = fileURLToPath(new URL("..", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

// Keep in step with scripts/install-deps.
const NIGHTLY = "nightly-2026-05-20";
const target = `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/wasm-nightly`;
execFileSync(
  "cargo",
  [
    `+${NIGHTLY}`,
    "build",
    "-p",
    "ehcp-addin",
    "--target",
    "wasm32-unknown-unknown",
    "--profile",
    "wasm",
    "--target-dir",
    target,
    "-Zbuild-std=std,panic_abort",
    "-Zbuild-std-features=optimize_for_size",
  ],
  {
    cwd: root,
    stdio: "inherit",
    // Only for this build: RUSTFLAGS from the environment would also change
    // the flags of every other cargo command sharing the shell.
    // -Zlocation-detail=none: no file/line strings for panics nobody sees.
    env: { ...process.env, RUSTFLAGS: "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" },
  },
);
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
