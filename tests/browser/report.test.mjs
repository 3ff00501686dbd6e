// Drives a headless chromium against one corroborate HTML report.
//
//   node report.test.mjs REPORT.html [--expect-conflict] [--screenshot OUT.png] [--timing]
//
// Checks: the page loads with no console error, no page error and no network request;
// with --expect-conflict, clicking a conflict in the findings list marks its spans in at
// least two sources and scrolls each source so its first span is visible; clicking a
// highlighted claim selects its finding; the verdict filters hide findings. Exits 1 with
// a message on the first failed check.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const report = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--screenshot');
const shotAt = args.indexOf('--screenshot');
const screenshot = shotAt >= 0 ? args[shotAt + 1] : null;
const expectConflict = args.includes('--expect-conflict');
const timing = args.includes('--timing');
if (!report) {
  console.error('usage: node report.test.mjs REPORT.html [--expect-conflict] [--screenshot OUT.png]');
  process.exit(2);
}

function check(ok, message) {
  if (!ok) {
    console.error(`FAIL: ${message}`);
    process.exitCode = 1;
    throw new Error(message);
  }
  console.log(`ok: ${message}`);
}

const profile = mkdtempSync(join(tmpdir(), 'corroborate-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1600, height: 900 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  const requests = [];
  const url = pathToFileURL(resolve(report)).href;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });

  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = Date.now() - started;
  check(problems.length === 0, `the page loads without errors ${JSON.stringify(problems)}`);
  check(requests.length === 0, `the page makes no request ${JSON.stringify(requests)}`);
  const counts = await page.evaluate(() => ({
    sources: document.querySelectorAll('.source').length,
    findings: document.querySelectorAll('#findings li[data-f]').length,
    marks: document.querySelectorAll('mark[data-f]').length,
  }));
  check(counts.sources > 0 && counts.findings > 0 && counts.marks > 0,
    `sources, findings and highlighted claims are shown ${JSON.stringify(counts)}`);

  if (expectConflict) {
    const conflict = page.locator('#findings li.v-conflict').first();
    const id = await conflict.getAttribute('data-f');
    await conflict.click();
    const state = await page.evaluate((id) => {
      const marks = [...document.querySelectorAll('mark.sel')];
      const sources = new Set(marks.map((m) => m.closest('.source').dataset.source));
      const visible = [...sources].every((s) => {
        const section = [...document.querySelectorAll('.source')].find((x) => x.dataset.source === s);
        const box = section.querySelector('.text');
        const first = section.querySelector('mark.sel');
        const b = box.getBoundingClientRect();
        const r = first.getBoundingClientRect();
        return r.top >= b.top && r.bottom <= b.bottom;
      });
      return {
        marks: marks.length,
        sources: [...sources],
        allOfFinding: marks.every((m) => m.dataset.f.split(' ').includes(id)),
        visible,
        listSelected: document.querySelector('#findings li.sel')?.dataset.f,
      };
    }, id);
    check(state.sources.length >= 2, `clicking conflict ${id} marks spans in ${state.sources.length} sources (${state.sources.join(', ')})`);
    check(state.allOfFinding, 'only spans of that finding are marked');
    check(state.visible, "each source is scrolled to the finding's first span");
    check(state.listSelected === id, 'the finding is selected in the list');
    if (timing) {
      // The handler's own work (selection, layout for scrolling), measured in the page so
      // that the test driver's overhead does not count.
      const clickMs = await page.evaluate((id) => {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        const li = document.querySelector(`#findings li[data-f="${id}"]`);
        const t = performance.now();
        li.click();
        document.body.getBoundingClientRect();
        return Math.round(performance.now() - t);
      }, id);
      console.log(`timing: load ${loadMs} ms, click ${clickMs} ms`);
    }

    // A click on a highlighted claim selects its own finding.
    const other = page.locator('mark[data-f]:not(.sel)').first();
    if (await other.count()) {
      const owner = (await other.getAttribute('data-f')).split(' ')[0];
      await other.scrollIntoViewIfNeeded();
      await other.click();
      const selected = await page.evaluate(() => document.querySelector('#findings li.sel')?.dataset.f);
      check(selected === owner, `clicking a claim selects its finding ${owner}`);
    }
    // Re-select the conflict for the screenshot.
    await conflict.click();
  }

  // Filters hide a verdict's findings.
  const agreementBox = page.locator('input[data-filter="agreement"]');
  const agreements = page.locator('#findings li.v-agreement');
  if (await agreements.count()) {
    await agreementBox.uncheck();
    check(!(await agreements.first().isVisible()), 'unticking agreements hides them');
    await agreementBox.check();
  }

  if (screenshot) {
    if (!expectConflict) { await page.locator('#findings li[data-f]').first().click(); }
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  }
  check(problems.length === 0, `no errors while interacting ${JSON.stringify(problems)}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
