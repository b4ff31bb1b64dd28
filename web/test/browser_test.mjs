// Browser test of the page `dateline serve` serves at /: Playwright (playwright-core,
// pinned in web/package.json) drives Debian's Chromium headless against the page on
// loopback, over a store ingested from the seed page and the geo dev articles of
// ../shared. Requests to anything but the server are refused and counted: the page
// must work with the network off.
//
//   node web/test/browser_test.mjs --dateline build/src/cli/dateline [--shared ../shared]
//                                  [--screenshot build/web.png]
//
// Skips (exit 0) when the shared folder is absent; exit 1 when a check fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const dateline = args.dateline || 'build/src/cli/dateline';
const shared = args.shared || '../shared';
const seed = join(shared, 'seeds/000_877e7492e3bd1938.txt');
const geo = join(shared, 'eval/geo/dev.jsonl');
const chromiumPath = process.env.DATELINE_CHROMIUM || '/usr/bin/chromium';

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed += 1; console.log(`ok   ${name}`); } else { failed += 1; console.log(`FAIL ${name} ${detail}`); }
}

// Starts `dateline serve` on any free port; resolves with the process and its URL.
function serve(db) {
  const child = spawn(dateline, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${said}`)), 20000);
    child.stderr.on('data', (chunk) => {
      said += chunk;
      const m = said.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${said}`)); });
  });
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
}
const total = (page) => page.$eval('#summary', (e) => Number(e.dataset.total));
const listed = (page) => page.$$eval('#events li', (items) => items.map((li) => ({
  text: li.textContent, type: li.dataset.type, first: li.dataset.date, last: li.dataset.last })));
const isErbilMeeting = (item) => item.text.includes('Reber Ahmed') && item.text.includes('CONSULT');

async function checkPage(page, url) {
  await page.goto(`${url}/`);
  await ready(page);
  const all = await total(page);
  check('the list counts the stored events', all > 100, `total ${all}`);
  const erbilDots = await page.$$eval('#map circle.place', (dots) => dots.filter((d) => d.dataset.name === 'Erbil').length);
  check('Erbil is a dot on the map', erbilDots >= 1, `${erbilDots} dots named Erbil`);

  await page.selectOption('#filters select[name=type]', 'CONSULT');
  await ready(page);
  const consults = await total(page);
  check('filtering by type narrows the list', consults > 0 && consults < all, `${consults} of ${all}`);
  check('every event listed is of that type', (await listed(page)).every((i) => i.type === 'CONSULT'));

  // The meeting is undated (the seed page prints no date), so it comes last: find it.
  await page.fill('#filters input[name=q]', 'Reber Ahmed');
  await page.click('#filters button[type=submit]');
  await ready(page);
  const found = await listed(page);
  check('the Erbil meeting is in the list', found.some(isErbilMeeting), JSON.stringify(found.map((i) => i.text)));
  const erbil = page.locator('#events li', { hasText: 'Reber Ahmed' }).first();
  await erbil.click();
  const mark = page.locator('#article mark.evidence');
  await mark.first().waitFor({ timeout: 10000 });
  const marked = (await mark.allTextContents()).join('');
  check('the detail view highlights the evidence sentence',
    marked.includes('Reber Ahmed met with the Deputy Commanding General'), JSON.stringify(marked));
  check('the map rings the selected event in Erbil', await page.locator('#map circle.selected').count() === 1);
  if (args.screenshot) await page.screenshot({ path: args.screenshot.replace(/\.png$/, '-detail.png'), fullPage: true });

  await page.click('#clear');
  await ready(page);
  check('clearing the filters lists every event again', await total(page) === all);
  // Brush across the tallest bar of the timeline and its neighbours.
  const bars = await page.$$eval('#timeline rect.bar', (rects) => rects.map((r) => ({
    count: Number(r.dataset.count), box: r.getBoundingClientRect().toJSON() })));
  const tallest = bars.reduce((a, b) => (b.count > a.count ? b : a));
  const y = tallest.box.y + tallest.box.height / 2;
  await page.mouse.move(tallest.box.x - 3, y);
  await page.mouse.down();
  await page.mouse.move(tallest.box.x + tallest.box.width + 3, y, { steps: 5 });
  await page.mouse.up();
  await ready(page);
  const brushed = await total(page);
  const range = await page.$eval('#range', (e) => ({ text: e.textContent, since: e.dataset.since, until: e.dataset.until }));
  check('brushing the timeline narrows the list', brushed > 0 && brushed < all, `${brushed} of ${all} (${range.text})`);
  // An event dated by a period (a month, a year) is in the range when the two overlap.
  const spans = (await listed(page)).map((i) => [i.first, i.last]);
  check('the events listed are in the brushed days',
    spans.length > 0 && spans.every(([first, last]) => first && (!range.since || last >= range.since) &&
      (!range.until || first <= range.until)),
    `${range.text}: ${spans.slice(0, 5).join(' ')}`);
  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
}

async function main() {
  if (!existsSync(seed) || !existsSync(geo)) {
    console.log(`browser: ${shared} not present, skipped`);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dateline-browser-'));
  const db = join(dir, 'events.db');
  let server = null;
  let browser = null;
  try {
    const ingest = spawnSync(dateline, ['ingest', seed, geo, '--db', db, '--quiet'], { stdio: 'inherit' });
    if (ingest.status !== 0) throw new Error(`ingest exited ${ingest.status}`);
    server = await serve(db);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const elsewhere = [];
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1') return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await checkPage(page, server.url);
    check('the page asked nothing of the network', elsewhere.length === 0, elsewhere.join(' '));
    check('the page logged no errors', errors.length === 0, errors.join(' | '));
  } catch (error) {
    check('the browser test ran to its end', false, error.stack);
  } finally {
    if (browser) await browser.close();
    if (server) server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exit(await main());
