// The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core (which
// downloads no browser of its own). Every report is opened from a file:// URL, as an auditor opens
// it; each check compares what the page shows with the JSON report of the same run.
//
//   node html-report.cjs REPORT_DIR ARTIFACT_DIR
//
// REPORT_DIR holds NAME.html and NAME.json from one tfcheck run each (scripts/test-html-report.sh
// makes them): insecure, wagtail, both (the two plans in one run), hostile (markup and script in
// an address), 10k (the 10,000-resource plan). Leaves screenshots and a PDF in ARTIFACT_DIR and
// prints the 10k report's size and timings. Last line: "html-report: N passed, N failed".
//
// PLAYWRIGHT_CORE: where playwright-core is installed; CHROMIUM: the browser (/usr/bin/chromium).
'use strict';

const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const [reportDir, artifactDir] = process.argv.slice(2);
if (!reportDir || !artifactDir) {
  console.error('usage: node html-report.cjs REPORT_DIR ARTIFACT_DIR');
  process.exit(2);
}

// Chromium on a machine whose only network is loopback: nothing may try to reach out.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE_SIZE = 100;
// Generous bounds, so that a slow, shared CI machine does not flake; the numbers are printed.
const READY_MS = 5000;
const KEYSTROKE_MS = 800;

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log('PASS ' + name);
  } else {
    failed++;
    console.log('FAIL ' + name + (detail === undefined ? '' : ': ' + detail));
  }
}
function same(name, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(name, a === e, 'got ' + a + ', expected ' + e);
}

function json(name) {
  return JSON.parse(fs.readFileSync(path.join(reportDir, name + '.json'), 'utf8'));
}
function count(results, keep) {
  return results.filter(keep).length;
}

/** Opens a report in a fresh page that records every console error, page error and request. */
async function open(context, name) {
  const page = await context.newPage();
  const file = path.join(reportDir, name + '.html');
  const url = pathToFileURL(file).href;
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    bytes: fs.statSync(file).size,
    /** Checks, when the page is done with, that nothing went wrong and nothing was fetched. */
    async clean() {
      check(`${name}: no console errors, page errors or dialogs`, problems.length === 0, problems.join('; '));
      const foreign = requests.filter((r) => r !== url);
      check(`${name}: no request but the report itself`, foreign.length === 0, foreign.join(', '));
      await page.close();
    },
  };
}

/** What a plan section shows: the matched count, the rows on the page, the page label. */
function shown(page, plan) {
  return page.evaluate((id) => {
    const s = document.getElementById(id);
    return {
      matched: Number(s.querySelector('.shown .matched').textContent),
      rows: s.querySelectorAll('table.results tbody tr').length,
      outcomes: Array.from(s.querySelectorAll('table.results tbody .badge'), (b) => b.textContent),
      addresses: Array.from(s.querySelectorAll('table.results tbody button.address'), (b) => b.textContent),
      page: s.querySelector('.pager .page').textContent,
    };
  }, plan);
}

async function insecure(context) {
  const doc = json('insecure');
  const results = doc.results;
  const { page, clean } = await open(context, 'insecure');
  const p = '#plan-1';
  same('insecure: heading names the plan', await page.textContent(p + '-title'), 'Plan ' + doc.plan.path);
  same('insecure: the verdict counts are the JSON summary\'s',
      await page.$$eval(p + ' .verdict .badge', (bs) => bs.map((b) => b.textContent)),
      [`${doc.summary.failed} failed`, `${doc.summary.unknown} unknown`, `${doc.summary.waived} waived`,
        `${doc.summary.passed} passed`]);
  same('insecure: the evidence carries the plan and policy SHA-256',
      await page.$$eval(p + ' table.evidence code', (cs) => cs.map((c) => c.textContent)),
      [doc.plan.path, doc.plan.sha256, ...doc.policies.map((x) => x.sha256)]);
  let s = await shown(page, 'plan-1');
  same('insecure: every result listed, findings first', [s.matched, s.rows, s.outcomes.slice(0, 3)],
      [results.length, Math.min(PAGE_SIZE, results.length), ['FAIL', 'FAIL', 'FAIL']]);
  same('insecure: the waivers of insecure.tfcheck.yaml, with what each did',
      await page.$$eval(p + ' table.waivers tbody tr', (rows) => rows.map((r) =>
        [r.cells[0].textContent, r.cells[2].textContent, r.cells[5].textContent, r.cells[6].textContent])),
      [['TFC-RDS-005', 'data-team', 'applied', '1:module.wagtail_rds_instance.aws_rds_cluster.this[0]'],
        ['TFC-ECS-003', 'platform-team', 'applied', '1:aws_ecs_task_definition.wagtail'],
        ['TFC-ECR-001', 'platform-team', 'expired', 'none']]);
  // The README's picture: the top of the report, evidence, summaries, waivers, the first findings.
  await page.setViewportSize({ width: 1280, height: 1700 });
  await page.screenshot({ path: path.join(artifactDir, 'html-report-insecure.png') });
  await page.screenshot({ path: path.join(artifactDir, 'html-report-insecure-full.png'), fullPage: true });

  await page.selectOption(p + '-outcome', { label: `FAIL (${doc.summary.failed})` });
  s = await shown(page, 'plan-1');
  same('insecure: outcome filter FAIL shows the FAILs only', [s.matched, [...new Set(s.outcomes)]],
      [doc.summary.failed, ['FAIL']]);
  await page.selectOption(p + '-outcome', '');

  const text = 'aws_rds_cluster';
  await page.click(p + '-address');
  await page.keyboard.type(text);
  s = await shown(page, 'plan-1');
  same(`insecure: typing "${text}" keeps the results whose address contains it`,
      [s.matched, s.addresses.every((a) => a.includes(text))],
      [count(results, (r) => r.address.toLowerCase().includes(text)), true]);
  await page.selectOption(p + '-rule', { label: await page.$eval(p + '-rule',
      (sel) => Array.from(sel.options).find((o) => o.textContent.startsWith('TFC-RDS-008')).textContent) });
  s = await shown(page, 'plan-1');
  same('insecure: rule and address filters combine',
      s.matched, count(results, (r) => r.rule_id === 'TFC-RDS-008' && r.address.includes(text)));
  await page.click(p + ' button[type="reset"]');
  await page.waitForFunction((n) => document.querySelector('#plan-1 .shown .matched').textContent === String(n),
      results.length);
  check('insecure: Clear filters lists everything again', true);

  // Per-resource detail: every rule that judged one address.
  const address = 'module.wagtail_rds_instance.aws_rds_cluster.this[0]';
  await page.fill(p + '-address', address);
  await page.click(`${p} button.address >> nth=0`);
  await page.waitForSelector('dialog.detail[open]');
  const detail = await page.evaluate(() => ({
    title: document.getElementById('detail-title').textContent,
    notes: Array.from(document.querySelectorAll('dialog.detail header .note'), (n) => n.textContent),
    rules: Array.from(document.querySelectorAll('dialog.detail tbody tr'),
        (tr) => tr.querySelector('code').textContent + ' ' + tr.querySelector('.badge').textContent),
  }));
  detail.rules.sort();
  const own = results.filter((r) => r.address === address);
  // Named as the user named --source-dir, from where tfcheck ran.
  same('insecure: the detail of a resource lists every rule that judged it, and where it is declared', detail, {
    title: address,
    notes: [`${own.length} results: ` + ['FAIL', 'UNKNOWN', 'WAIVED', 'PASS'].map((o) =>
      `${count(own, (r) => r.outcome === o)} ${o.toLowerCase()}`).join(', ') + '.',
    'declared at reference-terraform/examples/insecure/modules/rds-aurora-v2/main.tf:23'],
    rules: own.map((r) => r.rule_id + ' ' + r.outcome).sort(),
  });
  await page.screenshot({ path: path.join(artifactDir, 'html-report-detail.png') });
  await page.keyboard.press('Escape');
  check('insecure: Escape closes the detail', !(await page.$('dialog.detail[open]')));
  await page.click(p + ' button[type="reset"]');

  // Printing (page.pdf fires beforeprint and afterprint as a print dialog does): every control
  // and every matched row in the PDF, the filters left out; the PDF is an artifact for a look.
  await page.evaluate(() => window.addEventListener('beforeprint', () => {
    window.tfcheckPrinted = {
      folded: document.querySelectorAll('details.framework:not([open])').length,
      rows: document.querySelectorAll('#plan-1 table.results tbody tr').length,
    };
  }));
  await page.emulateMedia({ media: 'print' });
  same('insecure: print media hides the filters and the pager',
      await page.$$eval('form.filters, .pager', (es) => es.map((e) => getComputedStyle(e).display)), ['none', 'none']);
  await page.pdf({ path: path.join(artifactDir, 'html-report-insecure.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  same('insecure: printing opens every framework\'s controls and lists every result, then folds them again',
      [await page.evaluate(() => window.tfcheckPrinted),
        await page.evaluate(() => document.querySelectorAll('details.framework[open]').length)],
      [{ folded: 0, rows: results.length }, 0]);
  await clean();
}

async function wagtail(context) {
  const doc = json('wagtail');
  const { page, clean } = await open(context, 'wagtail');
  const s = await shown(page, 'plan-1');
  same('wagtail: a clean plan shows 0 failed and every result', [
    await page.textContent('#plan-1 .verdict .badge.FAIL'), s.matched, [...new Set(s.outcomes)].sort()],
  ['0 failed', doc.results.length, [...new Set(doc.results.map((r) => r.outcome))].sort()]);
  await clean();
}

async function both(context) {
  const [first, second] = json('both');
  const { page, clean } = await open(context, 'both');
  same('both: a section per plan, in the order given',
      await page.$$eval('section.plan h2', (hs) => hs.map((h) => h.textContent)),
      ['Plan ' + first.plan.path, 'Plan ' + second.plan.path]);
  await page.selectOption('#plan-2-outcome', { index: 1 });
  same('both: a filter acts on its own plan only',
      [(await shown(page, 'plan-1')).matched, (await shown(page, 'plan-2')).matched],
      [first.results.length, count(second.results, (r) => r.outcome === 'FAIL')]);
  await clean();
}

async function hostile(context) {
  const doc = json('hostile');
  const { page, clean } = await open(context, 'hostile');
  const address = doc.results[0].address;
  const facts = await page.evaluate(() => ({
    title: document.title,
    injected: document.querySelectorAll('main img, main b, main i, body > img').length,
    scripts: document.scripts.length,
    addresses: Array.from(document.querySelectorAll('button.address'), (b) => b.textContent).sort(),
    evidence: document.querySelector('table.evidence code').textContent,
  }));
  same('hostile: markup in an address is shown as text, never run or parsed',
      facts, {
        title: 'tfcheck: hostile.plan.json',
        injected: 0,
        scripts: 2,
        addresses: doc.results.map((r) => r.address).sort(),
        evidence: doc.plan.path,
      });
  await page.click('button.address >> nth=0');
  same('hostile: the detail heading is the address, as text',
      await page.textContent('#detail-title'), address);
  await clean();
}

/** Times each keystroke from keydown to the frame after it, in the page (performance.now()). */
async function typeTimed(page, selector, text) {
  await page.evaluate((sel) => {
    window.tfcheckLatencies = [];
    document.querySelector(sel).addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.tfcheckLatencies.push(performance.now() - t0), 0));
    }, true);
  }, selector);
  await page.click(selector);
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    await page.waitForFunction((n) => window.tfcheckLatencies.length === n, i + 1);
  }
  return page.evaluate(() => window.tfcheckLatencies);
}

async function large(context) {
  const doc = json('10k');
  const results = doc.results;
  const { page, bytes, clean } = await open(context, '10k');
  // From navigation start: the script done (table filled, handlers on), and the end of the load
  // event, after which nothing is left to do: the page is interactive.
  const timing = await page.evaluate(() => ({
    ready: performance.getEntriesByName('tfcheck-ready')[0].startTime,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
  }));
  let s = await shown(page, 'plan-1');
  same('10k: every result counted, one page of rows in the DOM', [s.matched, s.rows, s.page],
      [results.length, PAGE_SIZE, `Page 1 of ${Math.ceil(results.length / PAGE_SIZE)}`]);
  check(`10k: interactive (load event over) at ${timing.load.toFixed(0)} ms (bound ${READY_MS})`,
      timing.ready <= timing.load && timing.load < READY_MS);
  await page.screenshot({ path: path.join(artifactDir, 'html-report-10k.png') });

  const text = 't00012';
  const latencies = await typeTimed(page, '#plan-1-address', text);
  s = await shown(page, 'plan-1');
  same(`10k: typing "${text}" keeps the results whose address contains it`,
      [s.matched, s.addresses.every((a) => a.includes(text))],
      [count(results, (r) => r.address.toLowerCase().includes(text)), true]);
  const worst = Math.max(...latencies);
  check(`10k: each keystroke re-filters ${results.length} results in at most ${worst.toFixed(0)} ms ` +
      `(bound ${KEYSTROKE_MS})`, latencies.length === text.length && worst < KEYSTROKE_MS, latencies.join(', '));

  await page.fill('#plan-1-address', '');
  const selectMs = await page.evaluate(() => new Promise((resolve) => {
    const select = document.getElementById('plan-1-outcome');
    const t0 = performance.now();
    select.value = '0';
    select.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  }));
  s = await shown(page, 'plan-1');
  same('10k: outcome filter FAIL', s.matched, count(results, (r) => r.outcome === 'FAIL'));
  check(`10k: the outcome filter responds in ${selectMs.toFixed(0)} ms (bound ${KEYSTROKE_MS})`,
      selectMs < KEYSTROKE_MS);

  await page.click('#plan-1 .pager .next');
  s = await shown(page, 'plan-1');
  const top = await page.$eval('#plan-1 .shown', (e) => Math.round(e.getBoundingClientRect().top));
  same('10k: Next shows the second page from its first row', [s.rows, s.page, top],
      [PAGE_SIZE, `Page 2 of ${Math.ceil(s.matched / PAGE_SIZE)}`, 0]);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = (await shown(page, 'plan-1')).rows;
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  same('10k: printing renders every matched row, then the page again',
      [printed, (await shown(page, 'plan-1')).page], [s.matched, s.page]);
  console.log(`10k report: ${(bytes / 1e6).toFixed(2)} MB, ${results.length} results; ` +
      `script done at ${timing.ready.toFixed(0)} ms, interactive (load event over) at ${timing.load.toFixed(0)} ms; ` +
      `keystrokes ${latencies.map((x) => x.toFixed(0)).join('/')} ms; outcome filter ${selectMs.toFixed(0)} ms`);
  await clean();
}

async function main() {
  fs.mkdirSync(artifactDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tfcheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    for (const suite of [insecure, wagtail, both, hostile, large]) {
      try {
        await suite(context);
      } catch (e) {
        check(suite.name, false, e.stack);
      }
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`html-report: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
