#!/usr/bin/env node
/**
 * Takes the README's screenshot: serves dist (build first), runs every cell on virtual time
 * in headless chromium and saves docs/playground.png (`--full`: the whole page).
 * `CHROMIUM_PATH` overrides /usr/bin/chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const target = fileURLToPath(new URL('../docs/playground.png', import.meta.url));
const { server, url } = await serve({ port: 0 });
const profile = await mkdtemp(join(tmpdir(), 'asyncio-ts-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  viewport: { width: 1000, height: 1200 },
  deviceScaleFactor: 1,
});
try {
  const page = await context.newPage();
  await page.goto(`${url}?run=all&virtual=1`);
  await page.waitForFunction(() => document.body.dataset.state === 'done');
  const full = process.argv.includes('--full');
  if (!full) {
    // The header, the failing run(), its fix, and Example-1 with its timeline.
    const shown = ['nested', 'nested-fixed', 'example-1'];
    await page.evaluate((keep) => {
      for (const child of document.getElementById('notebook')?.children ?? []) {
        if (!keep.includes(child.getAttribute('data-cell') ?? '')) {
          child.style.display = 'none';
        }
      }
    }, shown);
  }
  // CodeMirror draws only the lines in the window: make the window as tall as the page.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1000, height });
  await page.waitForTimeout(300);
  await page.screenshot({ path: target, fullPage: true });
  console.log(`saved ${target}`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
  server.close();
}
