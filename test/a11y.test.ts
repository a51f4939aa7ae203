import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { bannerShown, pageWith, ui, useSite } from './browser.js'

const site = useSite()
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const PAGE = pageWith({
  attributes:
    'data-ga4="G-ABC123XYZ" data-hubspot="1234567" data-hotjar="3456789" data-policy-url="/privacy"',
  body: '<main><h1>A page</h1><p><a href="/privacy" data-keksi-open>Cookie settings</a></p></main>'
})

/** axe-core's WCAG 2.0–2.2 A and AA rules (and best practices) over the page, Keksi's open shadow root included. */
const violations = async (page: Page, include = 'keksi-root') => {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async include => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(
      { include: [[include]] },
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
        }
      }
    )
    return result.violations.map(v => `${v.id}: ${JSON.stringify(v.nodes.map(n => n.target))}`)
  }, include)
}

for (const theme of ['light', 'dark']) {
  test(`axe finds no violation in the banner or the preferences (${theme})`, async () => {
    const { page } = await site.open(`/a11y-${theme}`, {
      html: PAGE.replace('data-policy-url', `data-theme="${theme}" data-policy-url`)
    })
    await bannerShown(page)
    expect(await violations(page)).toEqual([])
    await ui(page).getByRole('button', { name: 'Settings' }).click()
    const dialog = ui(page).getByRole('dialog', { name: 'Cookie settings' })
    await dialog.locator('summary').first().click()
    expect(await violations(page)).toEqual([])
  })
}

test('every control but links inside sentences is at least 24 by 24 px (WCAG 2.5.8 and its inline exception)', async () => {
  const { page } = await site.open('/a11y-size', { html: PAGE })
  await bannerShown(page)
  await page.evaluate(() => (window as unknown as { keksi: { open(): void } }).keksi.open())
  await ui(page).getByRole('dialog').waitFor()
  const small = await ui(page)
    .locator('button, a, summary')
    .evaluateAll(all =>
      all
        .filter(element => !(element.localName === 'a' && element.closest('p')))
        .map(
          element =>
            [
              element.textContent?.trim() || element.getAttribute('aria-labelledby'),
              element.getBoundingClientRect()
            ] as const
        )
        .filter(([, box]) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(([name, box]) => `${name}: ${Math.round(box.width)}x${Math.round(box.height)}`)
    )
  expect(small).toEqual([])
})

test("keyboard focus shows the theme's 3 px --keksi-focus ring, also on a page that removes outlines", async () => {
  const { page } = await site.open('/a11y-focus', {
    html: PAGE.replace('</head>', '<style>*:focus { outline: none !important }</style></head>')
  })
  await bannerShown(page)
  const button = ui(page).locator('.keksi-banner button').first()
  // The banner comes early in the tab order: its text's policy link, then its buttons.
  for (
    let tab = 0;
    tab < 4 && !(await button.evaluate(b => (b.getRootNode() as ShadowRoot).activeElement === b));
    tab++
  ) {
    await page.keyboard.press('Tab')
  }
  const ring = await button.evaluate(button => {
    const root = button.getRootNode() as ShadowRoot
    const style = getComputedStyle(button)
    return {
      focused: root.activeElement === button,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
    }
  })
  // #0b57d0, the light theme's --keksi-focus.
  expect(ring).toEqual({ focused: true, outline: 'solid 3px rgb(11, 87, 208)' })
})

test('axe finds no violation in a box, a wall, or the floating button and the preferences it opens', async () => {
  const withOptions = (options: object) =>
    PAGE.replace(
      '<script src',
      `<script type="application/json" id="keksi-config">${JSON.stringify(options)}</script><script src`
    )
  for (const layout of ['box', 'wall']) {
    const { page } = await site.open(`/a11y-${layout}`, { html: withOptions({ layout, theme: 'dark' }) })
    await bannerShown(page)
    expect(await violations(page), layout).toEqual([])
  }
  const { page } = await site.open('/a11y-float', { html: withOptions({ floatingButton: true }) })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  const button = ui(page).getByRole('button', { name: 'Cookie settings' })
  await button.waitFor()
  expect(await violations(page)).toEqual([])
  await button.click()
  await ui(page).getByRole('dialog', { name: 'Cookie settings' }).waitFor()
  expect(await violations(page)).toEqual([])
})

test('at 200% zoom (a 1280 × 720 window) every action of the banner and the preferences can be reached', async () => {
  // What 200% zoom does to a page: half the CSS pixels across and down, two device pixels to each.
  const context = await site.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 })
  const { page } = await site.open('/a11y-zoom', { html: PAGE, context })
  await bannerShown(page)
  const reachable = async (scope: 'banner' | 'dialog', names: string[]) => {
    for (const name of names) {
      const button = (
        scope === 'banner' ? ui(page).locator('.keksi-banner') : ui(page).getByRole('dialog')
      ).getByRole('button', { name, exact: true })
      await button.scrollIntoViewIfNeeded()
      const box = await button.boundingBox()
      expect(box!.x, name).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(640)
      expect(box!.y, name).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(360)
    }
  }
  await reachable('banner', ['Accept all', 'Reject all', 'Settings'])
  // Nothing runs off the side: the text wraps.
  expect(
    await ui(page)
      .locator('.keksi-banner')
      .evaluate(banner => banner.scrollWidth <= banner.clientWidth)
  ).toBe(true)
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  await reachable('dialog', ['Close', 'Save choices', 'Accept all', 'Reject all'])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
  await context.close()
})

test('prefers-reduced-motion: the switches move without animation', async () => {
  const { page } = await site.open('/a11y-motion', { html: PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  const duration = () =>
    ui(page)
      .getByRole('switch')
      .nth(1)
      .evaluate(button => getComputedStyle(button, '::before').transitionDuration)
  expect(await duration()).toBe('0.15s')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  expect(await duration()).toBe('0s')
})

for (const theme of ['light', 'dark']) {
  test(`axe finds no violation in the placeholder of an embed held back (${theme})`, async () => {
    const { page } = await site.open(`/a11y-embed-${theme}`, {
      html: pageWith({
        attributes: `data-theme="${theme}" data-policy-url="/privacy"`,
        head: '<script type="application/json" id="keksi-config">{ "services": { "youtube": {} } }</script>',
        body: '<main><h1>A video</h1><iframe data-consent="youtube" data-src="https://www.youtube.com/embed/x" title="Product demo" width="560" height="315"></iframe></main>'
      })
    })
    await bannerShown(page)
    await page.locator('keksi-embed').getByRole('group', { name: 'Product demo' }).waitFor()
    expect(await violations(page, 'keksi-embed')).toEqual([])
  })
}
