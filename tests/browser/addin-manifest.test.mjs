// The add-in manifest validates against the official Office schemas
// (xmllint, offline), in development and as made for a production host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { repo } from "./fake-office/harness.mjs";

const { rewrite, validate, schemaPath } = await import(join(repo, "manifest/make-manifest.mjs"));
const manifest = join(repo, "manifest/manifest.xml");

test("the schema is found", () => {
  assert.ok(schemaPath(), "shared/schemas/office-addin (or EHCP_SHARED) is present");
});

test("manifest.xml validates against OfficeAppManifestV1_1.xsd", () => {
  const { ok, output } = validate(manifest);
  assert.equal(ok, true, output);
});

test("it is a Word task pane with a Home-tab button, WordApi 1.1 and the icons it names", () => {
  const xml = readFileSync(manifest, "utf8");
  assert.match(xml, /xsi:type="TaskPaneApp"/);
  assert.match(xml, /<Host Name="Document"\/>/);
  assert.match(xml, /<Set Name="WordApi" MinVersion="1.1"\/>/);
  assert.match(xml, /<OfficeTab id="TabHome">/);
  assert.match(xml, /<Action xsi:type="ShowTaskpane">/);
  assert.match(xml, /<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  assert.match(xml, /<Permissions>ReadWriteDocument<\/Permissions>/);
  assert.doesNotMatch(xml, /<AppDomains>/);
  for (const [, size] of xml.matchAll(/assets\/icon-(\d+)\.png/g)) {
    const png = readFileSync(join(repo, `addin/assets/icon-${size}.png`));
    assert.equal(png.readUInt32BE(16), Number(size), `icon-${size}.png is ${size} pixels wide`);
  }
});

test("a validity error is caught (the check can fail)", () => {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  const bad = join(dir, "bad.xml");
  writeFileSync(bad, readFileSync(manifest, "utf8").replace("<Permissions>ReadWriteDocument", "<Permissions>Everything"));
  assert.equal(validate(bad).ok, false);
});

test("make-manifest rewrites every URL for a production host and the result validates", () => {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  const out = join(dir, "manifest.xml");
  const run = spawnSync("node", [join(repo, "manifest/make-manifest.mjs"), "--host", "https://addins.example.gov.uk/golden-thread/", "--out", out, "--version", "1.2.0.0"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const xml = readFileSync(out, "utf8");
  assert.doesNotMatch(xml, /localhost/);
  assert.match(xml, /<SourceLocation DefaultValue="https:\/\/addins.example.gov.uk\/golden-thread\/taskpane.html"\/>/);
  assert.match(xml, /<Version>1.2.0.0<\/Version>/);
  assert.equal(validate(out).ok, true);
  assert.throws(() => rewrite(xml, { host: "http://insecure.example" }), /https/);
});
