// The Word add-in's pane in a real (headless) Chromium: standalone (a file
// dropped on the page) and inside a fake Word host. Run: `npm test` here
// (builds the wasm and the pane first; EHCP_ADDIN_PREBUILT=1 skips that).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildPane,
  cliCheck,
  fileBase64,
  generatedPlans,
  launch,
  nativePane,
  newPage,
  offending,
  plans,
  repo,
  serve,
} from "./fake-office/harness.mjs";

let server;
let browser;
const docs = join(repo, "docs");

before(async () => {
  buildPane();
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks and waits for the download, or fails at once with the pane's error. */
async function download(page, selector) {
  const failed = page
    .waitForFunction(() => document.querySelector("#status.error"), null, { timeout: 60000 })
    .then(async () => {
      throw new Error(`no download: ${await page.textContent("#status")}`);
    });
  const [file] = await Promise.race([Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.click(selector)]), failed]);
  failed.catch(() => undefined);
  return file;
}

async function openStandalone(options = {}) {
  const session = await newPage(browser, options);
  await session.page.goto(`${server.origin}/taskpane.html`);
  await session.page.waitForSelector('body[data-state="ready"]');
  return session;
}

async function dropFile(page, path) {
  await page.setInputFiles("#file-input", path);
  await page.waitForFunction(() => ["checked", "error"].includes(document.body.dataset.state) && document.body.dataset.busy === "false");
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== "checked") throw new Error(`the pane did not check ${path}: ${await page.textContent("#status")}`);
  return page.evaluate(() => window.goldenThread.report());
}

/** The findings as the CLI prints them, or (before the CLI has `check`) as the native build of the pane's own entry point gives them. */
function nativeFindings(path) {
  const cli = cliCheck(path);
  if (cli) return { source: "ehcp check --format json", findings: cli.findings };
  return { source: "native pane check", findings: nativePane("check", path).report.findings };
}

/** The plan the screenshots show: a sample with defects when there is one. */
function showcase() {
  const { samples, generated } = plans();
  return samples.find((p) => p.endsWith("defects-thread.docx")) ?? samples[0] ?? generated.few;
}

describe("standalone (no Office)", () => {
  const { samples, generated } = plans();
  const files = [...samples, generated.few, generated.many];
  for (const path of files) {
    test(`WASM findings equal native findings: ${path.split("/").pop()}`, async () => {
      const { page, requests, context, errors } = await openStandalone();
      try {
        const pane = await dropFile(page, path);
        const native = nativeFindings(path);
        assert.deepEqual(pane.report.findings, native.findings, `WASM vs ${native.source}`);
        const shown = await page.$$eval("#findings .finding", (nodes) => nodes.length);
        assert.equal(shown, pane.report.findings.length, "every finding is listed");
        const quotes = await page.$$eval("#findings .finding .quote", (nodes) => nodes.map((n) => n.textContent));
        assert.deepEqual(quotes.sort(), pane.report.findings.filter((f) => f.quote).map((f) => f.quote).sort());
        assert.deepEqual(offending(requests), [], "no request leaves 127.0.0.1");
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("the generated plans have findings to show (the core's rules are in)", async () => {
    const native = nativePane("check", generated.few);
    assert.ok(native.report.findings.length > 0, "plan-few.docx has weak provision wording and gives findings");
  });

  test("severity filter, RAG and the thread map follow the report", async () => {
    const { page, context } = await openStandalone();
    try {
      const pane = await dropFile(page, generated.few);
      const findings = pane.report.findings;
      const rag = await page.$$eval("#rag .rag-cell", (n) => n.map((c) => [c.textContent, c.className]));
      for (const [id, cls] of rag) assert.ok(cls.includes(`rag-${pane.report.summary.rag[id]}`), `RAG of ${id}`);
      // Keyboard: focus the Errors filter and press Enter/Space to hide errors.
      await page.focus('#filter button[data-severity="error"]');
      await page.keyboard.press("Space");
      const shown = await page.$$eval("#findings .finding", (n) => n.length);
      assert.equal(shown, findings.filter((f) => f.severity !== "error").length);
      assert.equal(await page.getAttribute('#filter button[data-severity="error"]', "aria-pressed"), "false");
      await page.keyboard.press("Enter");
      assert.equal(await page.$$eval("#findings .finding", (n) => n.length), findings.length);
      // Thread map: one card per need, every gap marked.
      await page.click("#view-thread");
      assert.equal(await page.isVisible("#findings"), false);
      assert.equal(await page.$$eval("#thread .need", (n) => n.length), pane.report.thread.length);
      const gaps = pane.report.thread.reduce((n, e) => n + e.gaps.length, 0);
      assert.equal(await page.$$eval("#thread .chip.missing", (n) => n.length), gaps);
    } finally {
      await context.close();
    }
  });

  test("plan text is shown as text: markup and script in the plan never run", async () => {
    const { page, context, requests } = await openStandalone();
    try {
      const pane = await dropFile(page, generated.hostile);
      const pwned = await page.evaluate(() => window.__pwned ?? null);
      assert.equal(pwned, null, "no script from the plan ran");
      assert.equal(await page.$$eval("#results img, #results script", (n) => n.length), 0, "no element made from plan text");
      const text = await page.textContent("#results");
      const child = pane.report.plan.child.name;
      if (child) assert.ok(text.includes(child), "the child's name is shown literally, angle brackets and all");
      const hostileQuotes = pane.report.findings.filter((f) => /[<>]/.test(f.quote) || /[<>]/.test(f.message));
      for (const f of hostileQuotes) assert.ok(text.includes(f.quote));
      assert.deepEqual(offending(requests), [], "the plan's <img src=x> fetched nothing");
    } finally {
      await context.close();
    }
  });

  test("the annotated copy downloads through a Blob URL", async () => {
    const { page, context, requests } = await openStandalone();
    try {
      await dropFile(page, generated.few);
      const file = await download(page, "#save-copy");
      assert.match(file.suggestedFilename(), /\(reviewed\)\.docx$/);
      assert.ok(file.url().startsWith("blob:"));
      const path = await file.path();
      const bytes = readFileSync(path);
      assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "a .docx (zip) package");
      assert.ok(bytes.includes(Buffer.from("word/comments.xml")), "with a comments part");
      assert.deepEqual(offending(requests), []);
    } finally {
      await context.close();
    }
  });

  test("screenshots: standalone at 320 and 400 pixels", async () => {
    mkdirSync(docs, { recursive: true });
    for (const [width, name] of [
      [400, "pane-standalone.png"],
      [320, "pane-standalone-320.png"],
    ]) {
      const { page, context } = await openStandalone({ width, height: 1100 });
      try {
        await dropFile(page, showcase());
        await page.screenshot({ path: join(docs, name), fullPage: false });
      } finally {
        await context.close();
      }
    }
  });
});

// ------------------------------------------------------------------ in Word

function fakeWord(path, { wordApi = "1.4", extraLeading = 0, comments = [], failGetFile = false, ooxml = null } = {}) {
  const paragraphs = nativePane("paragraphs", path);
  // Word may count paragraphs the core does not (e.g. an empty one Word adds):
  // `extraLeading` empty paragraphs before the body shift every index.
  const wordParagraphs = [...Array(extraLeading).fill(""), ...paragraphs];
  return {
    config: { docBase64: fileBase64(path), paragraphs: wordParagraphs, wordApi, comments, failGetFile, ooxml },
    coreParagraphs: paragraphs,
  };
}

async function openInWord(fake, options = {}) {
  const session = await newPage(browser, { ...options, fakeOffice: fake.config });
  await session.page.goto(`${server.origin}/taskpane.html?_host_Info=Word$Win32$16.01$en-GB$$$$0`);
  await session.page.waitForFunction(
    () => ["checked", "error"].includes(document.body.dataset.state) && document.body.dataset.busy === "false",
  );
  const state = await session.page.evaluate(() => document.body.dataset.state);
  if (state !== "checked") throw new Error(`the pane did not check the open document: ${await session.page.textContent("#status")}`);
  return session;
}

const fakeLog = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__fakeOffice)));
const report = (page) => page.evaluate(() => window.goldenThread.report());

async function clickAndSettle(page, selector) {
  await page.click(selector);
  await page.waitForFunction(() => document.body.dataset.busy === "false");
}

const TAG = "[Golden Thread \u00b7 ";

describe("inside Word (fake host)", () => {
  const { generated } = plans();

  test("opens, reads the file in slices and checks it", async () => {
    const fake = fakeWord(generated.few);
    const { page, context, requests, errors } = await openInWord(fake);
    try {
      const log = await fakeLog(page);
      const names = log.calls.map((c) => c.name);
      assert.ok(names.includes("getFileAsync"));
      assert.ok(names.filter((n) => n === "getSliceAsync").length >= 1);
      assert.equal(log.fileClosed, 1, "the file is closed after reading");
      const pane = await report(page);
      assert.deepEqual(pane.report.findings, nativePane("check", generated.few).report.findings);
      assert.equal(await page.isVisible("#add-comments"), true);
      assert.deepEqual(offending(requests), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("Add comments puts each comment on its text, a re-run replaces them, Clear leaves people's comments", async () => {
    const human = { paragraph: 1, start: 0, end: 4, content: "Please check the date of birth.", authorName: "Caseworker" };
    const fake = fakeWord(generated.few, { extraLeading: 2, comments: [{ ...human, paragraph: human.paragraph + 2 }] });
    const { page, context, requests } = await openInWord(fake);
    try {
      const pane = await report(page);
      const findings = pane.report.findings;
      assert.ok(findings.length > 0, "the plan has findings");
      await clickAndSettle(page, "#add-comments");
      let log = await fakeLog(page);
      const ours = log.comments.filter((c) => c.content.includes(TAG));
      assert.equal(ours.length, findings.length, "one comment per finding");
      const wordParagraphs = fake.config.paragraphs;
      const unmatched = [...ours];
      for (const f of findings) {
        const at = unmatched.findIndex(
          (c) =>
            c.content.includes(`${TAG}${f.rule}]`) &&
            c.content.includes(f.message) &&
            (f.paragraph == null ||
              !f.quote ||
              (c.paragraph === f.paragraph + 2 &&
                wordParagraphs[c.paragraph].slice(c.start, c.end).replace(/\s/g, " ") === f.quote.replace(/\s/g, " "))),
        );
        assert.ok(at >= 0, `a comment for ${f.rule} on paragraph ${f.paragraph} (Word's ${f.paragraph + 2}), on "${f.quote}"`);
        unmatched.splice(at, 1);
      }
      assert.ok(log.comments.some((c) => c.content === human.content), "the person's comment is there");

      // Again: replaced, not duplicated.
      await clickAndSettle(page, "#add-comments");
      log = await fakeLog(page);
      assert.equal(log.comments.filter((c) => c.content.includes(TAG)).length, findings.length, "re-run replaces");
      assert.equal(log.comments.filter((c) => c.content === human.content).length, 1);

      // Clear: only ours go.
      await clickAndSettle(page, "#clear-comments");
      log = await fakeLog(page);
      assert.equal(log.comments.filter((c) => c.content.includes(TAG)).length, 0);
      assert.deepEqual(log.comments.map((c) => c.content), [human.content]);
      assert.deepEqual(offending(requests), []);
    } finally {
      await context.close();
    }
  });

  test("context.sync calls stay bounded as findings grow", async () => {
    const syncsFor = async (path) => {
      const { page, context } = await openInWord(fakeWord(path));
      try {
        const n = (await report(page)).report.findings.length;
        const before = (await fakeLog(page)).syncs;
        await clickAndSettle(page, "#add-comments");
        const log = await fakeLog(page);
        assert.equal(log.comments.filter((c) => c.content.includes(TAG)).length, n);
        // Add comments re-reads the document first (no syncs: getFileAsync), then comments.
        return { findings: n, syncs: log.syncs - before };
      } finally {
        await context.close();
      }
    };
    const few = await syncsFor(generated.few);
    const many = await syncsFor(generated.many);
    assert.ok(many.findings > few.findings * 2 && many.findings > 200, `the long plan has many more findings (${few.findings} vs ${many.findings})`);
    assert.equal(many.syncs, few.syncs, `syncs do not grow with findings (${few.syncs} for ${few.findings}, ${many.syncs} for ${many.findings})`);
    assert.ok(few.syncs <= 4);
  });

  test("clicking a finding selects its text", async () => {
    const fake = fakeWord(generated.few, { extraLeading: 1 });
    const { page, context } = await openInWord(fake);
    try {
      const findings = (await report(page)).report.findings;
      const index = findings.findIndex((f) => f.paragraph != null && f.quote);
      assert.ok(index >= 0);
      await page.click(`.finding[data-index="${index}"]`);
      await page.waitForFunction(() => window.__fakeOffice.selection !== null);
      const { selection } = await fakeLog(page);
      assert.equal(selection.paragraph, findings[index].paragraph + 1);
      assert.equal(selection.text, findings[index].quote);
    } finally {
      await context.close();
    }
  });

  test("without WordApi 1.4 the pane offers an annotated copy, which downloads", async () => {
    const { page, context, requests } = await openInWord(fakeWord(generated.few, { wordApi: "1.3" }));
    try {
      assert.equal(await page.isVisible("#add-comments"), false);
      assert.equal(await page.isVisible("#save-copy-word"), true);
      const file = await download(page, "#save-copy-word");
      const bytes = readFileSync(await file.path());
      assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK");
      assert.ok(bytes.includes(Buffer.from("word/comments.xml")));
      assert.deepEqual(offending(requests), []);
    } finally {
      await context.close();
    }
  });

  test("when the file cannot be read, the body's flat OPC is checked instead", async () => {
    const ooxml = readFileSync(generated.flat, "utf8");
    const { page, context } = await openInWord(fakeWord(generated.few, { failGetFile: true, ooxml }));
    try {
      const log = await fakeLog(page);
      assert.ok(log.calls.some((c) => c.name === "body.getOoxml"));
      const pane = await report(page);
      assert.deepEqual(pane.report.findings, nativePane("check", generated.few).report.findings);
    } finally {
      await context.close();
    }
  });

  test("screenshots: in Word at 320 and 400 pixels", async () => {
    mkdirSync(docs, { recursive: true });
    for (const [width, name] of [
      [320, "pane-word.png"],
      [400, "pane-word-400.png"],
    ]) {
      const { page, context } = await openInWord(fakeWord(showcase()), { width, height: 1100 });
      try {
        await page.screenshot({ path: join(docs, name) });
        if (width === 400) {
          await page.click("#view-thread");
          await page.screenshot({ path: join(docs, "pane-thread.png") });
        }
      } finally {
        await context.close();
      }
    }
  });
});
