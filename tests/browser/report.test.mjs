// Drives a headless chromium (1280x800, a laptop screen) against one corroborate page
// and checks what a person sees there.
//
//   node report.test.mjs PAGE.html [--expect-conflict] [--open VERDICT[?]]...
//        [--sources-fit N] [--coverage] [--screenshot OUT.png] [--timing]
//
// Always: the page loads with no console error, no page error and no network request;
// the legend is inside the viewport and explains every kind of mark the page uses.
// --open VERDICT: for the first finding of that verdict and for the one spanning most
//   sources, opening PAGE.html#ID shows every involved source, undimmed, with the
//   selected span inside its column and inside the viewport (`VERDICT?`: if there is one).
// --sources-fit N: with nothing selected, N sources are shown whole, each wide enough
//   to read.
// --expect-conflict: clicking a conflict in the list marks its spans in two or more
//   sources, each scrolled into view; clicking a highlighted claim selects its finding;
//   the verdict filters hide findings.
// --coverage: the page is a draft's coverage: the draft shows the three marks
//   (corroborated, contradicted, unsupported); clicking a contradicted claim brings its
//   card into view with the outlet and the source's words.
// Exits 1 with a message on the first failed check.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const valued = new Set(['--screenshot', '--open', '--sources-fit']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const values = (flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const report = positional[0];
const screenshot = values('--screenshot')[0] || null;
const opens = values('--open');
const sourcesFit = Number(values('--sources-fit')[0] || 0);
const expectConflict = args.includes('--expect-conflict');
const isCoverage = args.includes('--coverage');
const timing = args.includes('--timing');
const VIEWPORT = { width: 1280, height: 800 };
if (!report) {
  console.error('usage: node report.test.mjs PAGE.html [--expect-conflict] [--open VERDICT] [--coverage] [--screenshot OUT.png]');
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

// In the page: whether `el` is displayed and lies inside `box` (an element or the
// viewport when null), entirely.
const geometry = `
  window.__inside = function (el, box) {
    if (!el || !el.checkVisibility()) { return false; }
    const r = el.getBoundingClientRect();
    const b = box ? box.getBoundingClientRect() : { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
    return r.width > 0 && r.height > 0 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1
      && r.left >= b.left - 1 && r.right <= b.right + 1;
  };`;

const profile = mkdtempSync(join(tmpdir(), 'corroborate-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: VIEWPORT,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.addInitScript(geometry);
  const problems = [];
  const requests = [];
  const url = pathToFileURL(resolve(report)).href;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (r.url().split('#')[0] !== url) requests.push(r.url()); });

  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = Date.now() - started;
  check(problems.length === 0, `the page loads without errors ${JSON.stringify(problems)}`);
  check(requests.length === 0, `the page makes no request ${JSON.stringify(requests)}`);

  // The legend: on screen, and a sample for every kind of mark the page shows.
  const legend = await page.evaluate(() => {
    const box = document.getElementById('legend');
    const kinds = (root) => new Set([...root.querySelectorAll('mark')]
      .flatMap((m) => [...m.classList].filter((c) => c !== 'sample')));
    const samples = box ? kinds(box) : new Set();
    const used = kinds(document.querySelector('main'));
    used.add('sel');
    return {
      visible: window.__inside(box, null),
      missing: [...used].filter((k) => !samples.has(k)),
      selected: !!box && !!box.querySelector('mark.sel'),
      explained: !!box && [...box.querySelectorAll('dd')].every((d) => d.textContent.trim().length > 8),
    };
  });
  check(legend.visible, 'the legend is inside the viewport');
  check(legend.missing.length === 0, `the legend shows every kind of mark used (missing: ${JSON.stringify(legend.missing)})`);
  check(legend.selected && legend.explained, 'the legend explains the selection outline and each entry in words');

  if (isCoverage) {
    const seen = await page.evaluate(() => {
      const text = document.querySelector('#draft .text');
      const out = {};
      for (const status of ['corroborated', 'contradicted', 'unsupported']) {
        const marks = [...text.querySelectorAll(`mark.s-${status}`)];
        if (marks[0]) { marks[0].scrollIntoView({ block: 'center' }); }
        out[status] = { count: marks.length, visible: !!marks[0] && window.__inside(marks[0], text) && window.__inside(marks[0], null) };
      }
      text.scrollTop = 0;
      return out;
    });
    for (const [status, s] of Object.entries(seen)) {
      check(s.count > 0 && s.visible, `the draft shows ${s.count} claim(s) marked ${status}`);
    }
    const contradicted = page.locator('#draft mark.s-contradicted').first();
    await contradicted.scrollIntoViewIfNeeded();
    const key = (await contradicted.getAttribute('data-k')).split(' ')[0];
    await contradicted.click();
    const card = await page.evaluate((key) => {
      const card = [...document.querySelectorAll('#evidence .card.sel')];
      const c = card[0];
      const words = c && c.querySelector('li.against mark');
      const cite = c && c.querySelector('li.against cite');
      return {
        cards: card.length,
        key: c && c.dataset.k,
        visible: window.__inside(c, document.getElementById('evidence')) && window.__inside(c, null),
        outlet: cite ? cite.textContent.trim() : '',
        words: words ? words.textContent.trim() : '',
        wordsVisible: window.__inside(words, null),
        why: c ? (c.querySelector('.why') || {}).textContent : '',
      };
    }, key);
    check(card.cards === 1 && card.key === key, `clicking contradicted claim ${key} selects its card`);
    check(card.visible, 'the card is scrolled into view');
    check(card.outlet.length > 0 && card.words.length > 0 && card.wordsVisible,
      `the card shows the source's words beside the draft: ${card.outlet}: "${card.words}" (${card.why})`);
  } else {
    const counts = await page.evaluate(() => ({
      sources: document.querySelectorAll('.source').length,
      findings: document.querySelectorAll('#findings li[data-f]').length,
      marks: document.querySelectorAll('mark[data-f]').length,
    }));
    check(counts.sources > 0 && counts.findings > 0 && counts.marks > 0,
      `sources, findings and highlighted claims are shown ${JSON.stringify(counts)}`);
    const order = await page.evaluate(() => [...document.querySelectorAll('#findings li[data-f]')]
      .map((li) => li.className.match(/v-\w+/)[0]));
    const place = { 'v-conflict': 0, 'v-agreement': 1, 'v-single_source': 2 };
    check(order.every((v, i) => i === 0 || place[order[i - 1]] <= place[v]), 'conflicts come first, then agreements, then single-source claims');
    const folded = await page.evaluate(() => {
      const d = document.getElementById('single-source');
      return !d || (!d.open && [...d.querySelectorAll('li')].every((li) => !li.checkVisibility()));
    });
    check(folded, 'single-source claims are counted and folded away');
  }

  if (sourcesFit) {
    const fit = await page.evaluate(() => [...document.querySelectorAll('.source')]
      .filter((s) => window.__inside(s, null))
      .map((s) => ({ id: s.dataset.source, width: Math.round(s.getBoundingClientRect().width), height: Math.round(s.getBoundingClientRect().height) })));
    check(fit.length >= sourcesFit && fit.every((s) => s.width >= 280 && s.height >= 250),
      `at ${VIEWPORT.width}x${VIEWPORT.height} ${fit.length} sources are shown whole, each at least 280x250 px ${JSON.stringify(fit)}`);
  }

  // Opening PAGE.html#ID: the involved sources are shown with the selected span in view.
  for (const spec of opens) {
    const optional = spec.endsWith('?');
    const verdict = spec.replace('?', '');
    const ids = await page.evaluate((verdict) => {
      const items = [...document.querySelectorAll(`#findings li.v-${verdict}`)].map((li) => li.dataset.f);
      const spread = (id) => new Set([...document.querySelectorAll('mark[data-f]')]
        .filter((m) => m.dataset.f.split(' ').includes(id))
        .map((m) => m.closest('.source').dataset.source)).size;
      let widest = items[0];
      for (const id of items) { if (spread(id) > spread(widest)) { widest = id; } }
      return [...new Set([items[0], widest].filter(Boolean))];
    }, verdict);
    if (!ids.length && optional) { console.log(`ok: no ${verdict} to open`); continue; }
    check(ids.length > 0, `the page lists a ${verdict}`);
    for (const id of ids) {
      await page.goto('about:blank');
      await page.goto(`${url}#${encodeURIComponent(id)}`, { waitUntil: 'load' });
      const state = await page.evaluate((id) => {
        const involved = [...document.querySelectorAll('.source')].filter((s) =>
          [...s.querySelectorAll('mark[data-f]')].some((m) => m.dataset.f.split(' ').includes(id)));
        const item = document.querySelector('#findings li.sel');
        return {
          item: item && item.dataset.f,
          itemVisible: window.__inside(item, null),
          sources: involved.map((s) => {
            const first = s.querySelector('mark.sel');
            return {
              id: s.dataset.source,
              width: Math.round(s.getBoundingClientRect().width),
              inColumn: window.__inside(first, s.querySelector('.text')),
              onScreen: window.__inside(first, null),
              opacity: Number(getComputedStyle(s).opacity),
            };
          }),
        };
      }, id);
      check(state.item === id && state.itemVisible, `#${id}: the finding is selected and in view`);
      const bad = state.sources.filter((s) => !(s.inColumn && s.onScreen && s.opacity === 1 && s.width >= 200));
      check(state.sources.length > 0 && bad.length === 0,
        `#${id} (${verdict}): the selected span is inside the viewport in all ${state.sources.length} involved sources, undimmed ${JSON.stringify(bad.length ? bad : state.sources.map((s) => `${s.id} ${s.width}px`))}`);
    }
    await page.goto(url, { waitUntil: 'load' });
  }

  if (expectConflict) {
    const conflict = page.locator('#findings li.v-conflict').first();
    const id = await conflict.getAttribute('data-f');
    await conflict.click();
    const state = await page.evaluate((id) => {
      const marks = [...document.querySelectorAll('#sources mark.sel')];
      const sources = new Set(marks.map((m) => m.closest('.source').dataset.source));
      // Up to nine involved sources are shown; the others wait on the shelf, marked.
      const shown = [...document.querySelectorAll('.source:not(.shut)')].filter((s) => s.querySelector('mark.sel'));
      const shelved = [...document.querySelectorAll('#shelf button.involved[aria-pressed="false"]')].length;
      const visible = shown.length >= Math.min(sources.size, 2) && shown.length + shelved === sources.size
        && shown.every((s) => window.__inside(s.querySelector('mark.sel'), s.querySelector('.text')));
      return {
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
    const other = page.locator('#sources .source:not(.shut) mark[data-f]:not(.sel):not([data-f=""])').first();
    if (await other.count()) {
      const owner = (await other.getAttribute('data-f')).split(' ')[0];
      await other.scrollIntoViewIfNeeded();
      await other.click();
      const selected = await page.evaluate(() => document.querySelector('#findings li.sel')?.dataset.f);
      check(selected === owner, `clicking a claim selects its finding ${owner}`);
    }
    // Filters hide a verdict's findings.
    const agreementBox = page.locator('input[data-filter="agreement"]');
    const agreements = page.locator('#findings li.v-agreement');
    if (await agreements.count()) {
      await agreementBox.uncheck();
      check(!(await agreements.first().isVisible()), 'unticking agreements hides them');
      await agreementBox.check();
    }
    // Re-select the conflict for the screenshot.
    await conflict.click();
  }

  if (screenshot) {
    if (!expectConflict && !isCoverage) {
      const first = page.locator('#findings li[data-f]').first();
      if (await first.count()) { await first.click(); }
    }
    mkdirSync(dirname(resolve(screenshot)), { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  }
  check(problems.length === 0, `no errors while interacting ${JSON.stringify(problems)}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
