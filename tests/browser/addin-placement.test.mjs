// The pane's placement logic (addin/src/taskpane/placement.ts), bundled with
// esbuild and run in node: paragraph alignment and Word search strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { addin } from "./fake-office/harness.mjs";

const esbuild = createRequire(join(addin, "package.json"))("esbuild");
const out = join(mkdtempSync(join(tmpdir(), "placement-")), "placement.mjs");
esbuild.buildSync({ entryPoints: [join(addin, "src/taskpane/placement.ts")], bundle: true, format: "esm", outfile: out, logLevel: "error" });
const P = await import(pathToFileURL(out));

const words = (n, prefix = "p") => Array.from({ length: n }, (_, i) => `${prefix} ${i} text`);

test("identical paragraphs align one to one", () => {
  const texts = words(50);
  assert.deepEqual(P.alignParagraphs(texts, texts).map((m) => m.word), texts.map((_, i) => i));
});

test("paragraphs Word has and the core does not (and the reverse) shift the alignment, not the text", () => {
  const core = words(30);
  const word = ["", "", ...core.slice(0, 10), "an extra paragraph", ...core.slice(10, 20), ...core.slice(21)];
  const m = P.alignParagraphs(core, word);
  for (let i = 0; i < 30; i++) {
    if (i === 20) continue;
    assert.equal(word[m[i].word], core[i], `core paragraph ${i}`);
    assert.equal(m[i].exact, true);
  }
  // Paragraph 20 is not in Word's list: no guess (its finding anchors to the heading).
  assert.equal(m[20], null);
});

test("a paragraph whose text Word shows differently is paired by position between its neighbours", () => {
  const core = ["a", "Access to support", "c"];
  const word = ["a", "Access to support\u0001", "c"];
  // Control characters are dropped by the fingerprint: exact.
  assert.deepEqual(P.alignParagraphs(core, word).map((m) => m.word), [0, 1, 2]);
  const edited = ["a", "Access to support (edited)", "c"];
  const m = P.alignParagraphs(core, edited);
  assert.deepEqual(m.map((x) => x.word), [0, 1, 2]);
  assert.equal(m[1].exact, false);
});

test("fingerprints ignore case, spacing kinds and NFC form", () => {
  assert.equal(P.fingerprint("Caf\u00e9  with\ttab\u00a0"), P.fingerprint("cafe\u0301 with tab"));
  assert.notEqual(P.fingerprint("one"), P.fingerprint("two"));
});

test("the search text is Word's own characters, escaped for Word's search", () => {
  const core = "Group work, 3 x 30 minutes ^ daily";
  const word = "Group work,\t3 x 30 minutes ^ daily";
  const plan = P.planSearch(core.replace("\t", " "), word, "work, 3 x 30", 6);
  assert.equal(plan.kind, "whole");
  assert.equal(plan.text, "work,\t3 x 30");
  assert.equal(P.escapeWordSearch(plan.text), "work,^t3 x 30");
  assert.equal(P.escapeWordSearch("a ^ b"), "a ^^ b");
  assert.equal(P.escapeWordSearch("no\u00a0break"), "no^sbreak");
});

test("the right occurrence is chosen when the quote repeats in its paragraph", () => {
  const text = "access to A, access to B, access to C";
  const plan = P.planSearch(text, text, "access to", text.lastIndexOf("access to"));
  assert.equal(plan.occurrence, 2);
  assert.equal(P.planSearch(text, text, "access to", 0).occurrence, 0);
});

test("quotes over 255 characters are searched by head and tail", () => {
  const long = "word ".repeat(80).trim() + " end.";
  const text = `Start. ${long}`;
  const plan = P.planSearch(text, text, long, 7);
  assert.equal(plan.kind, "head-tail");
  assert.ok(P.escapeWordSearch(plan.head).length <= 255 && P.escapeWordSearch(plan.tail).length <= 255);
  assert.ok(long.startsWith(plan.head) && long.endsWith(plan.tail));
  // "word" repeats: the head's occurrence is the one at the quote's start.
  assert.equal(plan.headOccurrence, 0);
  assert.equal(text.indexOf(plan.tail, 7) + plan.tail.length, text.length);
});

test("a quote Word's paragraph does not hold gives no search", () => {
  assert.equal(P.planSearch("as required", "something else", "as required", 0), null);
});

test("the pane's comments carry the tag; people's do not", () => {
  const text = P.commentText({ rule: "provision/vague-wording", message: "Vague.", help: "Say how often." });
  assert.ok(text.endsWith("[Golden Thread \u00b7 provision/vague-wording]"));
  assert.ok(P.isPaneComment(text));
  assert.equal(P.isPaneComment("Please check this, Golden Thread is great"), false);
});
