import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { bannerShown, pageWith, ui, useSite } from './browser.js'

const site = useSite()

/** A page with these options in its config block, a link in the middle and a "Cookie settings" link at its end. */
const pageWithOptions = (options: object) =>
  pageWith({
    head: `<meta name="viewport" content="width=device-width, initial-scale=1"><script type="application/json" id="keksi-config">${JSON.stringify({ policyUrl: '/privacy', ...options })}</script>`,
    body: `<main style="height: 1500px"><h1>Acme</h1><button id="page-button" onclick="window.clicked = true">A page button</button></main>
      <footer><a href="/privacy" id="settings" data-keksi-open>Cookie settings</a></footer>`
  })

/** The banner's box in the window, and the window's size. */
const bannerBox = (page: Page) =>
  ui(page)
    .locator('.keksi-banner')
    .evaluate(banner => ({
      ...banner.getBoundingClientRect().toJSON(),
      windowWidth: innerWidth,
      windowHeight: innerHeight
    }))

/** Each banner button's width and height, rounded. */
const buttonSizes = (page: Page) =>
  ui(page)
    .locator('.keksi-banner button')
    .evaluateAll(buttons =>
      buttons.map(button => {
        const { width, height } = button.getBoundingClientRect()
        return `${Math.round(width)}x${Math.round(height)}`
      })
    )

/** The element that has focus, looking inside shadow roots: its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return active?.textContent?.trim() || active?.localName
  })

test('a box sits in the bottom-left corner, its buttons stacked and equal, and leaves the page usable', async () => {
  const { page } = await site.open('/box', { html: pageWithOptions({ layout: 'box' }) })
  await page.setViewportSize({ width: 1000, height: 700 })
  await bannerShown(page)
  const box = await bannerBox(page)
  expect(box.left).toBe(16)
  expect(box.windowHeight - box.bottom).toBe(16)
  expect(box.width).toBe(384)
  const sizes = await buttonSizes(page)
  expect(sizes).toHaveLength(3)
  expect(new Set(sizes).size).toBe(1)
  // Stacked: each button under the one before.
  const tops = await ui(page)
    .locator('.keksi-banner button')
    .evaluateAll(buttons => buttons.map(button => button.getBoundingClientRect().top))
  expect(tops[1]).toBeGreaterThan(tops[0] as number)
  expect(tops[2]).toBeGreaterThan(tops[1] as number)
  // Not a wall: the page behind still takes clicks.
  await page.locator('#page-button').click()
  expect(await page.evaluate(() => (window as { clicked?: boolean }).clicked)).toBe(true)
})

test('position "right" puts the box in the bottom-right corner; at 320 px it keeps a margin', async () => {
  const { page } = await site.open('/box-right', {
    html: pageWithOptions({ layout: 'box', position: 'right' })
  })
  await page.setViewportSize({ width: 1000, height: 700 })
  await bannerShown(page)
  let box = await bannerBox(page)
  expect(box.windowWidth - box.right).toBe(16)
  expect(box.windowHeight - box.bottom).toBe(16)
  await page.setViewportSize({ width: 320, height: 640 })
  box = await bannerBox(page)
  expect(box.left).toBe(16)
  expect(box.right).toBe(304)
  expect(new Set(await buttonSizes(page)).size).toBe(1)
})

test('a wall is modal: the page is inert, focus is inside, Escape does not close it; a decision does', async () => {
  const { page } = await site.open('/wall', { html: pageWithOptions({ layout: 'wall' }) })
  await page.setViewportSize({ width: 1000, height: 700 })
  await bannerShown(page)
  const wall = ui(page).getByRole('dialog', { name: 'Cookies on this site' })
  expect(await wall.evaluate(dialog => dialog.matches(':modal'))).toBe(true)
  // In the middle of the window.
  const box = await bannerBox(page)
  expect(Math.abs(box.left + box.width / 2 - box.windowWidth / 2)).toBeLessThan(1)
  expect(Math.abs(box.top + box.height / 2 - box.windowHeight / 2)).toBeLessThan(1)
  // The page behind takes no click, and Tab stays in the wall.
  await page.mouse.click(20, 20)
  await page.locator('#page-button').click({ force: true, timeout: 1000 })
  expect(await page.evaluate(() => (window as { clicked?: boolean }).clicked)).toBeUndefined()
  const seen = new Set<string | undefined>()
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab')
    seen.add(await focused(page))
  }
  expect([...seen].sort()).toEqual(['Accept all', 'Privacy policy', 'Reject all', 'Settings'])
  // Escape, even twice, is no decision.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  expect(await wall.evaluate(dialog => (dialog as HTMLDialogElement).open)).toBe(true)
  expect(await wall.evaluate(dialog => dialog.matches(':modal'))).toBe(true)
  // The preferences open over it, and close back to it.
  await wall.getByRole('button', { name: 'Settings' }).click()
  const preferences = ui(page).getByRole('dialog', { name: 'Cookie settings' })
  await preferences.waitFor()
  await page.keyboard.press('Escape')
  await preferences.waitFor({ state: 'detached' })
  expect(await wall.evaluate(dialog => dialog.matches(':modal'))).toBe(true)
  expect(await focused(page)).toBe('Settings')
  await wall.getByRole('button', { name: 'Reject all' }).click()
  await wall.waitFor({ state: 'detached' })
  await page.locator('#page-button').click()
  expect(await page.evaluate(() => (window as { clicked?: boolean }).clicked)).toBe(true)
})

test('the floating button: shown once decided, last in the tab order, opens the preferences, takes focus back', async () => {
  const html = pageWithOptions({ floatingButton: true })
  const { page, context } = await site.open('/float', { html })
  await bannerShown(page)
  // Not while the banner asks.
  expect(await ui(page).getByRole('button', { name: 'Cookie settings' }).count()).toBe(0)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  const button = ui(page).getByRole('button', { name: 'Cookie settings' })
  await button.waitFor()

  // A return view: the button comes back on its own, in the bottom-left corner, after the page's own content.
  const again = await context.newPage()
  await again.goto(`${site.origin}/float`)
  const floating = ui(again).getByRole('button', { name: 'Cookie settings' })
  await floating.waitFor()
  const box = await floating.evaluate(element => ({
    ...element.getBoundingClientRect().toJSON(),
    windowHeight: innerHeight
  }))
  expect(box.left).toBe(16)
  expect(box.windowHeight - box.bottom).toBe(16)
  expect(box.height).toBeGreaterThanOrEqual(24)
  expect(await again.evaluate(() => document.body.lastElementChild?.shadowRoot?.textContent?.trim())).toBe(
    'Cookie settings'
  )
  // Last in the tab order: Shift+Tab from the start of the page comes to it first.
  await again.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await again.keyboard.press('Shift+Tab')
  expect(await focused(again)).toBe('Cookie settings')
  await again.keyboard.press('Enter')
  const preferences = ui(again).getByRole('dialog', { name: 'Cookie settings' })
  await preferences.waitFor()
  // It opens on the stored decision: nothing on.
  expect(await preferences.getByRole('switch', { checked: true }).count()).toBe(1)
  await again.keyboard.press('Escape')
  await preferences.waitFor({ state: 'detached' })
  expect(await focused(again)).toBe('Cookie settings')
})

test('without the floating button, a return view fetches no UI', async () => {
  const { page, context } = await site.open('/no-float', { html: pageWithOptions({}) })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  const again = await context.newPage()
  const fetched: string[] = []
  again.on('request', request => fetched.push(new URL(request.url()).pathname))
  await again.goto(`${site.origin}/no-float`)
  await again.waitForLoadState('networkidle')
  expect(fetched.filter(path => path.startsWith('/dist/'))).toEqual(['/dist/keksi.js'])
})

test('with its stylesheet already in, the banner shows in the first frame after Keksi enters the page', async () => {
  // The page has the theme before Keksi starts (what keksi.js's preload usually achieves before keksi-ui.js runs),
  // and records, at the first frame after <keksi-root> is in the page, whether the banner could be seen in it.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title>
    <link rel="preload" as="style" href="/dist/themes/light.css"
      onload="const s = document.createElement('script'); s.src = '/dist/keksi.js'; document.head.append(s)">
    </head><body><p>Acme</p></body></html>`
  const init = `new MutationObserver((records, observer) => {
    const host = document.querySelector('keksi-root')
    if (!host) return
    observer.disconnect()
    requestAnimationFrame(() => {
      const banner = host.shadowRoot.querySelector('.keksi-banner')
      window.firstFrame = { hidden: host.hidden, boxed: (banner?.getBoundingClientRect().height ?? 0) > 0 }
    })
  }).observe(document, { childList: true, subtree: true })`
  const { page } = await site.open('/styled-first', { html, init })
  await bannerShown(page)
  const firstFrame = await page.evaluate(() => (window as { firstFrame?: object }).firstFrame)
  expect(firstFrame).toEqual({ hidden: false, boxed: true })
})
