// Opens pages of a published disclosure log in headless Chromium, runs axe-core with the
// WCAG 2.1 A and AA rules, checks that a 320 CSS pixel wide window (1280 pixels at 400% zoom)
// needs no sideways scrolling of the page, validates the HTML with html-validate, and saves
// screenshots at both widths.
//
//   node check-site.mjs SITE_DIR SCREENSHOT_DIR
//
// Exit codes: 0 all clean, 1 a violation or invalid HTML, 77 Chromium missing (skipped).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const [siteDir, shotDir] = process.argv.slice(2).map((p) => resolve(p));
if (!siteDir || !shotDir) {
  console.error('usage: node check-site.mjs SITE_DIR SCREENSHOT_DIR');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`SKIP: no Chromium at ${chromium}`);
  process.exit(77);
}
mkdirSync(shotDir, { recursive: true });

const requestPages = readdirSync(join(siteDir, 'requests')).filter((n) => n.endsWith('.html')).sort();
if (requestPages.length === 0) {
  console.error('FAIL: the site has no request pages');
  process.exit(1);
}
// The index, the first request page and the longest one (the most questions and answers).
const pages = ['index.html', `requests/${requestPages[0]}`];
const longest = [...requestPages].sort((a, b) =>
  statSync(join(siteDir, 'requests', b)).size - statSync(join(siteDir, 'requests', a)).size)[0];
if (longest !== requestPages[0]) pages.push(`requests/${longest}`);

const puppeteer = require('puppeteer-core');
const axeSource = require('axe-core').source;
let failures = 0;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--allow-file-access-from-files'],
});
try {
  for (const pagePath of pages) {
    const page = await browser.newPage();
    const url = pathToFileURL(join(siteDir, pagePath)).href;
    const stem = pagePath.replace(/[\/.]/g, '_');
    for (const [label, width] of [['normal', 1280], ['zoom400', 320]]) {
      await page.setViewport({ width, height: 900 });
      await page.goto(url, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      for (const v of results.violations) {
        failures++;
        console.error(`FAIL ${pagePath} (${label}): ${v.id}: ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) console.error(`    ${node.target.join(' ')}`);
      }
      console.log(`${pagePath} (${label}, ${width}px): axe-core ${results.violations.length} violations, ` +
                  `${results.passes.length} rules passed`);
      if (width === 320) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          failures++;
          console.error(`FAIL ${pagePath}: at 320px the page scrolls sideways by ${overflow}px`);
        }
      }
      await page.screenshot({ path: join(shotDir, `${stem}-${label}.png`), fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
}

// The HTML itself.
const validator = join(import.meta.dirname, 'node_modules', '.bin', 'html-validate');
const files = ['index.html', ...requestPages.map((n) => `requests/${n}`)].map((p) => join(siteDir, p));
const validated = spawnSync(validator, ['--config', join(import.meta.dirname, 'htmlvalidate.json'), ...files],
                            { stdio: 'inherit' });
if (validated.status !== 0) {
  failures++;
  console.error('FAIL: html-validate found errors');
} else {
  console.log(`html-validate: ${files.length} pages valid`);
}

if (failures > 0) {
  console.error(`${failures} problem(s)`);
  process.exit(1);
}
console.log('All checks passed');
