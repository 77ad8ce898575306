// The Wagtail admin in a real browser: Debian's Chromium driven by playwright-core (which
// downloads no browser of its own). Loads /admin/login/, fails on console errors, page errors,
// failed requests and HTTP errors, signs in, and checks that the dashboard renders.
//
//   node admin_login.cjs BASE_URL USER PASSWORD SCREENSHOT_DIR
//
// Leaves SCREENSHOT_DIR/wagtail-admin-login-playwright.png (the login page in a 1280x900 viewport)
// and SCREENSHOT_DIR/wagtail-admin-dashboard.png (after signing in).
//
// PLAYWRIGHT_CORE: where playwright-core is installed (scripts/test-local-wagtail.sh sets it).
'use strict';

const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const path = require('path');

const [base, user, password, shotDir] = process.argv.slice(2);
if (!base || !user || !password || !shotDir) {
  console.error('usage: node admin_login.cjs BASE_URL USER PASSWORD SCREENSHOT_DIR');
  process.exit(2);
}

// The flags Chromium needs on a machine without a network beyond loopback.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS,
  });
  const problems = [];
  const checks = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });

    const login = await page.goto(new URL('admin/login/', base).href, { waitUntil: 'networkidle' });
    checks.push(['login page answers 200', login.status() === 200]);
    checks.push(['login page title says Sign in', /Sign in/i.test(await page.title())]);
    checks.push(['username field visible', await page.locator('input[name="username"]').isVisible()]);
    checks.push(['password field visible', await page.locator('input[name="password"]').isVisible()]);
    // The admin's own stylesheet applied: the form is laid out, not raw HTML.
    const styled = await page.evaluate(() => [...document.styleSheets].some((s) => /wagtailadmin/.test(s.href || '')));
    checks.push(['Wagtail admin stylesheet loaded', styled]);
    await page.screenshot({ path: path.join(shotDir, 'wagtail-admin-login-playwright.png') });

    await page.fill('input[name="username"]', user);
    await page.fill('input[name="password"]', password);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/admin/', { timeout: 30000 }),
      page.click('button[type="submit"]'),
    ]);
    await page.waitForLoadState('networkidle');
    // The dashboard's site summary ("1 Page", "0 Images"...) comes from the database.
    checks.push(['signed in: the dashboard shows the site summary', await page.getByText(/\d+ Pages? created in/).first().isVisible()]);
    checks.push(['signed in: the account menu names the user', await page.getByText(user, { exact: true }).first().isVisible()]);
    await page.screenshot({ path: path.join(shotDir, 'wagtail-admin-dashboard.png') });
  } finally {
    await browser.close();
  }
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  for (const p of problems) console.log(`FAIL ${p}`);
  return checks.every(([, ok]) => ok) && problems.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => { console.error(err); process.exit(1); },
);
