// The element driven as page scripts drive elements: created, given any
// attribute any string, connected, disconnected, reconnected and moved,
// while the module loads and after charts have drawn, hundreds of times in
// a random order from a seeded generator (a failure names its seed and is
// replayed with CHURN_SEED=<seed>). Nothing uncaught; no more console
// errors than mistakes made; nothing left behind once every element is
// gone; memory flat.
import { test, expect } from '@playwright/test';

const CHARTS = process.env.CHARTS_URL;
const SEEDS = process.env.CHURN_SEED ? [Number(process.env.CHURN_SEED)] : [1, 2, 3];
const STEPS = 400;

test.setTimeout(180_000);

for (const seed of SEEDS) {
  test(`random churn of elements and attributes leaves nothing behind (seed ${seed})`, async ({ page }) => {
    const uncaught = [];
    const errors = [];
    page.on('pageerror', (e) => uncaught.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewportSize({ width: 800, height: 3000 });
    // A page of ours, so that the element and module are those served.
    await page.goto(`${CHARTS}embed.html?indicator=us-favourability`);
    await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
    const churn = (seed, steps) =>
      page.evaluate(
        async ([seed, steps]) => {
          // mulberry32: a small seeded generator.
          let state = seed >>> 0;
          const random = () => {
            state = (state + 0x6d2b79f5) >>> 0;
            let t = state;
            t = Math.imul(t ^ (t >>> 15), t | 1);
            t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
          };
          const pick = (list) => list[Math.floor(random() * list.length)];
          const GOOD = {
            indicator: ['us-favourability', 'trade-balance-2015', 'timeline', ' gdp-growth-average '],
            theme: ['light', 'dark', 'auto', ''],
            locale: ['fr', 'vi-VN', 'en', 'de'],
            'aspect-ratio': ['16/9', '1.5', ''],
          };
          const BAD = {
            indicator: ['gdp-grwth', '', 'x'.repeat(300), '<b>'],
            theme: ['blu', 'DARKER'],
            locale: ['xx', 'zz-ZZ'],
            'aspect-ratio': ['-1', '1000', 'wide', 'NaN'],
          };
          const ANY = ['', ' ', '0', '-1e308', '🌀'.repeat(50), 'null', 'undefined', '<script>', '\u0000'];
          const container = document.createElement('div');
          document.body.prepend(container);
          const elements = [];
          let mistakes = 0;
          const wait = async () => {
            const r = random();
            if (r < 0.3) return; // synchronously on
            if (r < 0.6) return Promise.resolve(); // a microtask
            if (r < 0.9) return new Promise((resolve) => requestAnimationFrame(resolve));
            return new Promise((resolve) => setTimeout(resolve, random() * 20));
          };
          for (let step = 0; step < steps; step++) {
            const action = random();
            if (action < 0.2 || elements.length === 0) {
              const element = document.createElement('indicator-chart');
              element.setAttribute('indicator', pick(GOOD.indicator));
              elements.push(element);
              container.append(element);
            } else if (action < 0.55) {
              const element = pick(elements);
              const name = pick([...Object.keys(GOOD), 'data-x', 'class']);
              const r = random();
              const value =
                name in GOOD ? (r < 0.5 ? pick(GOOD[name]) : r < 0.8 ? pick(BAD[name]) : pick(ANY)) : pick(ANY);
              if (element.getAttribute(name) !== value) {
                element.setAttribute(name, value);
                mistakes++; // at most one error each (an upper bound: many are fine)
              }
            } else if (action < 0.65) {
              const element = pick(elements);
              const name = pick(Object.keys(GOOD));
              if (element.hasAttribute(name)) {
                element.removeAttribute(name);
                mistakes++;
              }
            } else if (action < 0.8) {
              pick(elements).remove(); // disconnect
            } else if (action < 0.92) {
              const element = pick(elements);
              if (random() < 0.5)
                container.append(element); // reconnect, or move
              else container.prepend(element);
            } else {
              // Gone for good.
              const element = elements.splice(Math.floor(random() * elements.length), 1)[0];
              element.remove();
            }
            await wait();
          }
          // Let what is scheduled finish, then remove every element.
          for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
          for (const element of elements) element.remove();
          container.remove();
          for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
          return { mistakes };
        },
        [seed, steps],
      );
    // The page's own chart stays; everything the churn made is gone.
    await page.evaluate(() => document.querySelector('indicator-chart').remove());
    const warmup = await churn(seed * 7919, 100);
    const before = await page.evaluate(() => window.__indicatorChartsMemory());
    const { mistakes } = await churn(seed, STEPS);
    const after = await page.evaluate(() => window.__indicatorChartsMemory());
    const registry = await page.evaluate(() => window.__indicatorChartsRegistry());
    expect(uncaught, `seed ${seed}`).toEqual([]);
    expect(registry, `seed ${seed}`).toEqual({ connected: 0, views: 0 });
    expect(after, `seed ${seed}: module memory grew`).toBe(before);
    const ours = errors.filter((e) => e.startsWith('<indicator-chart'));
    expect(ours.length, `seed ${seed}`).toBe(errors.length);
    expect(ours.length, `seed ${seed}: more errors than mistakes`).toBeLessThanOrEqual(mistakes + warmup.mistakes);
    // Each error is one of the element's messages, which say what would be right.
    for (const error of ours) {
      expect(error, `seed ${seed}`).toMatch(/No indicator|Unknown theme|Unknown locale|Aspect ratio/);
    }
    console.log(
      `seed ${seed}: ${STEPS} steps, ${ours.length} console errors for ${mistakes} attribute changes; module memory ${after} B`,
    );
  });
}
