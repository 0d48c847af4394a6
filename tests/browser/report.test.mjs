// The batch report (index.html) in a real browser: it renders, the heat
// map has one row per plan, sorting and filtering work (so the page's own
// script runs under its Content-Security-Policy), and the page makes no
// request beyond the file itself. Saves docs/report.png for the README.
//
// Needs the `ehcp` binary: EHCP_BIN, else target/debug/ehcp (cargo build -p ehcp-cli).
// Run: cd tests/browser && npm ci && npm test

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.EHCP_BIN || join(root, 'target', 'debug', 'ehcp');

function buildReport() {
  assert.ok(existsSync(bin), `${bin} missing: run cargo build -p ehcp-cli (or set EHCP_BIN)`);
  const work = mkdtempSync(join(tmpdir(), 'ehcp-report-'));
  const plans = join(work, 'plans');
  mkdirSync(plans);
  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.docx'));
  assert.ok(samples.length > 0, 'samples/*.docx');
  for (const f of samples) copyFileSync(join(root, 'samples', f), join(plans, f));
  // One file that cannot be read, so the failures table shows too.
  copyFileSync(join(root, 'samples', 'README.md'), join(plans, 'notes.docx'));
  const out = join(work, 'report');
  try {
    execFileSync(bin, ['batch', plans, '--out', out], { stdio: 'pipe' });
  } catch (e) {
    // Exit 2: one file could not be read (expected here).
    assert.equal(e.status, 2, String(e.stderr));
  }
  return { work, out, count: samples.length };
}

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'ehcp-chromium-'));
  // A fresh profile (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  return { browser, profile };
}

test('the caseload report works in a browser, offline', async () => {
  const { work, out, count } = buildReport();
  const { browser, profile } = await launch();
  try {
    const page = await browser.newPage();
    const url = pathToFileURL(join(out, 'index.html')).href;
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    await page.waitForLoadState('load');

    assert.deepEqual(requests, [url], 'no request beyond the file itself');
    assert.deepEqual(errors, [], 'no script or CSP error');
    assert.equal(await page.title(), 'Golden Thread: caseload report');

    // One heat-map row per plan, twelve section cells each.
    const rows = page.locator('#plans tbody tr');
    assert.equal(await rows.count(), count);
    assert.equal(await page.locator('#plans tbody tr:first-child td.rag').count(), 12);
    assert.equal(await page.locator('#failures tbody tr').count(), 1);
    assert.ok(await page.locator('#rule-chart').isVisible() || (await page.locator('text=No rule fired').count()) === 1);

    // Sorting by errors: descending after two clicks, ascending after one.
    const errorsOf = async () => (await page.locator('#plans tbody tr td:nth-child(4)').allTextContents()).map(Number);
    const header = page.locator('#plans thead th', { hasText: 'Errors' }).locator('button');
    await header.click();
    const ascending = await errorsOf();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    assert.equal(await page.locator('#plans thead th[aria-sort=ascending]').count(), 1);
    await header.click();
    const descending = await errorsOf();
    assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
    // Sorting by file name.
    await page.locator('#plans thead th', { hasText: 'File' }).locator('button').click();
    const files = await page.locator('#plans tbody tr td:first-child').allTextContents();
    assert.deepEqual(files, [...files].sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1));

    // Filtering by text (a child's name) and by level.
    await page.fill('#filter', 'claire');
    assert.equal(await page.locator('#plans tbody tr:visible').count(), 1);
    assert.equal(await page.textContent('#shown'), '1');
    await page.fill('#filter', '');
    assert.equal(await page.locator('#plans tbody tr:visible').count(), count);
    for (const level of ['red', 'amber', 'green']) {
      await page.selectOption('#level', level);
      const visible = page.locator('#plans tbody tr:visible');
      const n = await visible.count();
      const levels = await visible.evaluateAll((trs) => trs.map((tr) => tr.dataset.level));
      assert.ok(levels.every((l) => l === level), `${level}: ${levels}`);
      assert.equal(await page.textContent('#shown'), String(n));
    }
    await page.selectOption('#level', 'all');

    // A plan's own page opens from the index, offline too.
    const first = page.locator('#plans tbody tr:first-child td:first-child a');
    const planUrl = new URL(await first.getAttribute('href'), url).href;
    requests.length = 0;
    const detail = await browser.newPage();
    detail.on('request', (r) => requests.push(r.url()));
    await detail.goto(planUrl);
    assert.deepEqual(requests, [planUrl]);
    assert.ok((await detail.locator('h2', { hasText: 'Findings' }).count()) === 1);
    await detail.close();

    // Sorted by errors (most first) for the README's screenshot.
    await header.click();
    if ((await page.locator('#plans thead th[aria-sort=descending]').count()) === 0) await header.click();
    mkdirSync(join(root, 'docs'), { recursive: true });
    await page.screenshot({ path: join(root, 'docs', 'report.png'), fullPage: false });
    assert.ok(readFileSync(join(root, 'docs', 'report.png')).length > 10_000);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});
