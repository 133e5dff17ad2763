// Runs Lighthouse (default config: mobile form factor, simulated throttling) on a list of pages,
// each in a fresh browser context, in the light or dark colour scheme.
//
//   node lighthouse.mjs jobs.json
//
// jobs.json: [{"url": "...", "scheme": "light" | "dark", "out": "lhr.json"}, ...]
// Writes each Lighthouse result (LHR) to `out` and prints one JSON line per page to stdout,
// {"out": ..., "shown": ...}, with the colour scheme the page actually showed.
// CHROME_PATH names the Chromium to drive.
import { readFile, writeFile } from 'node:fs/promises';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const FLAGS = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
};

const jobs = JSON.parse(await readFile(process.argv[2], 'utf8'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: CHROME_FLAGS,
});
try {
  for (const job of jobs) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // Material's palette follows the system setting, so the media feature picks the scheme.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: job.scheme }]);
    const result = await lighthouse(job.url, FLAGS, undefined, page);
    await writeFile(job.out, result.report);
    const shown = await page.evaluate(() => document.body?.dataset.mdColorScheme ?? null);
    console.log(JSON.stringify({ out: job.out, shown }));
    const scores = Object.values(result.lhr.categories).map((c) => Math.round(c.score * 100));
    console.error(`  lighthouse ${job.scheme.padEnd(5)} ${scores.join('/')}  ${job.url}`);
    await context.close();
  }
} finally {
  await browser.close();
}
