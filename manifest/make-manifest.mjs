#!/usr/bin/env node
// Writes the add-in manifest for a production host: every development URL
// (https://localhost:3000) rewritten to the host where addin/dist is
// deployed, then validated against the official schema with xmllint.
//
//   node manifest/make-manifest.mjs --host https://addins.example.gov.uk/golden-thread \
//        [--out addin/dist/manifest.xml] [--version 1.0.0.0] [--id <GUID>]
//
// The host must be https (Office refuses anything else). A new --id makes a
// separate add-in (e.g. a test deployment next to the live one).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const DEV = "https://localhost:3000";

export function rewrite(xml, { host, version, id }) {
  const url = new URL(host);
  if (url.protocol !== "https:") throw new Error(`--host must be an https:// address (got ${host})`);
  if (url.search || url.hash) throw new Error("--host must not have a query or fragment");
  const base = url.href.replace(/\/+$/, "");
  let out = xml.split(DEV).join(base);
  out = out.replace(/<!--[\s\S]*?-->\n?/, `<!-- Golden Thread, for ${base.replace(/--/g, "- -")} (made by manifest/make-manifest.mjs). -->\n`);
  if (version) {
    if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) throw new Error(`--version must look like 1.0.0.0 (got ${version})`);
    out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  }
  if (id) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`--id must be a GUID (got ${id})`);
    out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  }
  if (out.includes("localhost")) throw new Error("a development URL is left in the manifest");
  return out;
}

/** The official schema: $EHCP_SHARED/schemas/…, or a `shared/` folder above the repository. */
export function schemaPath() {
  const rel = "schemas/office-addin/OfficeAppManifestV1_1.xsd";
  if (process.env.EHCP_SHARED) return join(process.env.EHCP_SHARED, rel);
  for (let dir = resolve(here, ".."); ; dir = dirname(dir)) {
    const candidate = join(dir, "shared", rel);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** xmllint against the official schema: { ok, output } (ok null when it cannot be run). */
export function validate(path) {
  const schema = schemaPath();
  if (!schema) return { ok: null, output: "schema not found (set EHCP_SHARED)" };
  const run = spawnSync("xmllint", ["--nonet", "--noout", "--schema", schema, path], { encoding: "utf8" });
  if (run.error) return { ok: null, output: String(run.error) };
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const host = opt("--host");
  if (!host) {
    console.error("usage: make-manifest.mjs --host https://… [--out FILE] [--version 1.0.0.0] [--id GUID]");
    process.exit(2);
  }
  const out = resolve(opt("--out") ?? join(here, "../addin/dist/manifest.xml"));
  try {
    const xml = rewrite(readFileSync(join(here, "manifest.xml"), "utf8"), { host, version: opt("--version"), id: opt("--id") });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
  } catch (e) {
    console.error(`make-manifest: ${e.message}`);
    process.exit(2);
  }
  const { ok, output } = validate(out);
  if (ok === false) {
    console.error(`make-manifest: ${out} does not validate:\n${output}`);
    process.exit(1);
  }
  console.log(`${out} written${ok ? " and valid against the official schema" : ` (not validated: ${output})`}`);
}
