import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { bannerShown, consentCookie, pageWith, ran, ui, useSite } from './browser.js'

const site = useSite()

const PAGE = pageWith({
  attributes:
    'data-ga4="G-ABC123XYZ" data-hubspot="1234567" data-hotjar="3456789" data-policy-url="/privacy"',
  body: '<p><a href="/privacy" id="settings" data-keksi-open>Cookie settings</a></p>'
})
/** What each vendor's own loader fetches. */
const HOTJAR = 'https://static.hotjar.com/c/hotjar-3456789.js?sv=6'
const HUBSPOT = 'https://js.hs-scripts.com/1234567.js'

/** The element that has focus, looking inside Keksi's shadow root: its text or aria-label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return (
      active?.getAttribute('aria-label') || active?.textContent?.trim() || active?.id || active?.localName
    )
  })

const dialog = (page: Page) => ui(page).getByRole('dialog', { name: 'Cookie settings' })

test('the banner offers accept, reject and settings with equal weight and the policy link', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  const buttons = ui(page).locator('.keksi-banner button')
  expect(await buttons.allTextContents()).toEqual(['Accept all', 'Reject all', 'Settings'])
  const styles = await buttons.evaluateAll(all =>
    all.map(button => {
      const style = getComputedStyle(button)
      const box = button.getBoundingClientRect()
      return [
        style.backgroundColor,
        style.color,
        style.fontSize,
        style.fontWeight,
        Math.round(box.width),
        Math.round(box.height)
      ].join()
    })
  )
  expect(new Set(styles).size).toBe(1)
  expect(await ui(page).locator('.keksi-banner a[href="/privacy"]').count()).toBe(1)
})

test('the banner comes first in the tab order', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('Privacy policy')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('Accept all')
})

test('the banner overlays the page without shifting its layout', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  const before = await page.locator('#settings').boundingBox()
  await bannerShown(page)
  expect(await page.locator('#settings').boundingBox()).toEqual(before)
  const position = await ui(page)
    .locator('.keksi-banner')
    .evaluate(banner => getComputedStyle(banner).position)
  expect(position).toBe('fixed')
})

test('the preferences list every category and service, none pre-ticked, necessary locked on', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  // The dialog comes with keksi-preferences.js, fetched on this first opening.
  await dialog(page).waitFor()
  const switches = dialog(page).getByRole('switch')
  const states = await switches.evaluateAll(all =>
    all.map(s => [
      s.getAttribute('aria-labelledby'),
      s.getAttribute('aria-checked'),
      (s as HTMLButtonElement).disabled
    ])
  )
  expect(states).toEqual([
    ['keksi-category-necessary', 'true', true],
    ['keksi-category-analytics', 'false', false],
    ['keksi-service-ga4', 'false', false],
    ['keksi-service-hubspot', 'false', false],
    ['keksi-service-hotjar', 'false', false],
    ['keksi-category-embeds', 'false', false],
    // Known without config (README "Services").
    ['keksi-service-youtube', 'false', false]
  ])
  // Each service shows its provider, purpose and cookies, collapsed until asked for.
  const ga4 = dialog(page).locator('details', { hasText: 'Google Analytics 4' })
  expect(await ga4.getAttribute('open')).toBeNull()
  await ga4.locator('summary').click()
  expect(await ga4.textContent()).toContain('Google Ireland Ltd.')
  // Each cookie with its lifetime.
  expect(await ga4.textContent()).toContain('_ga (2 years), _ga_* (2 years), _gid (1 day), _gat* (1 minute)')
})

test('saving choices per service loads only the chosen service', async () => {
  const { page, context, thirdParty } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  await dialog(page).getByRole('switch', { name: 'Hotjar' }).click()
  expect(
    await dialog(page).getByRole('switch', { name: 'Analytics', exact: true }).getAttribute('aria-checked')
  ).toBe('true')
  await dialog(page).getByRole('button', { name: 'Save choices' }).click()
  await expect.poll(() => ran(page)).toEqual([HOTJAR])
  expect(thirdParty).toEqual([HOTJAR])
  expect(await ui(page).locator('dialog, .keksi-banner').count()).toBe(0)
  expect(await consentCookie(context)).toBeDefined()
  // It opens again showing the current decision.
  await page.locator('#settings').click()
  expect(await dialog(page).getByRole('switch', { name: 'Hotjar' }).getAttribute('aria-checked')).toBe('true')
  expect(await dialog(page).getByRole('switch', { name: 'HubSpot' }).getAttribute('aria-checked')).toBe(
    'false'
  )
})

test('keyboard only: focus moves into the preferences, stays there, Escape closes without saving', async () => {
  const { page, thirdParty, context } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('Settings')
  await page.keyboard.press('Enter')
  await dialog(page).waitFor()
  expect(await focused(page)).toBe('Close')
  // Toggle analytics with the keyboard, then wander: focus never leaves the dialog.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const inside: boolean[] = []
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab')
    inside.push(
      await page.evaluate(
        () => !!document.querySelector('keksi-root')?.shadowRoot?.activeElement?.closest('dialog')
      )
    )
  }
  expect(inside.every(Boolean)).toBe(true)
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab')
    inside.push(
      await page.evaluate(
        () => !!document.querySelector('keksi-root')?.shadowRoot?.activeElement?.closest('dialog')
      )
    )
  }
  expect(inside.every(Boolean)).toBe(true)
  await page.keyboard.press('Escape')
  await expect.poll(() => dialog(page).count()).toBe(0)
  // Escape granted nothing; the banner is still there and focus is back on Settings.
  await bannerShown(page)
  expect(await focused(page)).toBe('Settings')
  expect(await consentCookie(context)).toBeUndefined()
  expect(thirdParty).toEqual([])
})

test('keyboard only: a switch toggles with Space, and Save choices decides', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await page.evaluate(() => (window as unknown as { keksi: { open(): void } }).keksi.open())
  await dialog(page).getByRole('switch', { name: 'HubSpot' }).focus()
  await page.keyboard.press('Space')
  await dialog(page).getByRole('button', { name: 'Save choices' }).focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => ran(page)).toEqual([HUBSPOT])
})

test('a "Cookie settings" link opens the preferences and focus returns to it on close', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  await page.locator('#settings').focus()
  await page.keyboard.press('Enter')
  await dialog(page).waitFor()
  expect(page.url()).toMatch(/\/prefs$/)
  await dialog(page).getByRole('button', { name: 'Close' }).click()
  await expect.poll(() => dialog(page).count()).toBe(0)
  expect(await ui(page).locator('.keksi-banner').count()).toBe(0)
  expect(await focused(page)).toBe('Cookie settings')
})

test('clicking outside or scrolling grants nothing', async () => {
  const { page, thirdParty } = await site.open('/prefs', { html: PAGE })
  await bannerShown(page)
  await page.mouse.click(10, 10)
  await page.mouse.wheel(0, 500)
  await page.waitForTimeout(300)
  await bannerShown(page)
  expect(thirdParty).toEqual([])
  expect(
    await page.evaluate(() => (window as unknown as { keksi: { get(): unknown } }).keksi.get())
  ).toBeNull()
})

test('at 320 px wide every action stays reachable on screen', async () => {
  const { page } = await site.open('/prefs', { html: PAGE })
  await page.setViewportSize({ width: 320, height: 640 })
  await bannerShown(page)
  for (const name of ['Accept all', 'Reject all', 'Settings']) {
    const box = await ui(page).getByRole('button', { name }).boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(320)
    expect(box!.y + box!.height).toBeLessThanOrEqual(640)
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
})

test('the theme stylesheet loads from beside the UI: light by default, dark and auto on request', async () => {
  const background = async (attributes: string, colorScheme: 'light' | 'dark') => {
    const { page, context } = await site.open('/theme', {
      html: pageWith({ attributes: `data-policy-url="/p" ${attributes}` })
    })
    await page.emulateMedia({ colorScheme })
    await bannerShown(page)
    const color = await ui(page)
      .locator('.keksi-banner')
      .evaluate(banner => getComputedStyle(banner).backgroundColor)
    await context.close()
    return color
  }
  expect(await background('', 'dark')).toBe('rgb(255, 255, 255)')
  expect(await background('data-theme="dark"', 'light')).toBe('rgb(28, 33, 40)')
  expect(await background('data-theme="auto"', 'dark')).toBe('rgb(28, 33, 40)')
  expect(await background('data-theme="auto"', 'light')).toBe('rgb(255, 255, 255)')
})

test('the banner never hides the element that has keyboard focus, to the end of the page (WCAG 2.4.11)', async () => {
  const links = Array.from({ length: 40 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Link ${i}</a></p>`).join(
    ''
  )
  const { page } = await site.open('/focus', {
    html: pageWith({ attributes: 'data-policy-url="/p"', body: links })
  })
  await page.setViewportSize({ width: 800, height: 500 })
  await bannerShown(page)
  const bannerTop = await ui(page)
    .locator('.keksi-banner')
    .evaluate(banner => banner.getBoundingClientRect().top)
  // The last links too: the page gets room at its end to scroll them clear.
  for (const id of ['l5', 'l9', 'l14', 'l20', 'l38', 'l39']) {
    await page.locator(`#${id}`).focus()
    const box = await page.locator(`#${id}`).evaluate(link => link.getBoundingClientRect().toJSON())
    expect(box.bottom, id).toBeLessThanOrEqual(bannerTop)
    expect(box.top, id).toBeGreaterThanOrEqual(0)
  }
})

test('a right-to-left language lays the banner and the switches out from the right', async () => {
  const texts = {
    ar: {
      title: 'ملفات تعريف الارتباط',
      acceptAll: 'قبول الكل',
      rejectAll: 'رفض الكل',
      settings: 'الإعدادات'
    }
  }
  const html = pageWith({
    head: `<script type="application/json" id="keksi-config">${JSON.stringify({ policyUrl: '/p', texts })}</script>`
  }).replace('<html lang="en">', '<html lang="ar">')
  const { page } = await site.open('/rtl', { html })
  await bannerShown(page)
  expect(await ui(page).locator('[dir]').first().getAttribute('dir')).toBe('rtl')
  const accept = await ui(page).getByRole('button', { name: 'قبول الكل' }).boundingBox()
  const settings = await ui(page).getByRole('button', { name: 'الإعدادات' }).boundingBox()
  expect(accept!.x).toBeGreaterThan(settings!.x)
  await ui(page).getByRole('button', { name: 'الإعدادات' }).click()
  const toggle = ui(page).getByRole('switch').nth(1)
  const knob = () =>
    toggle.evaluate(button => {
      const box = button.getBoundingClientRect()
      const left = Number.parseFloat(getComputedStyle(button, '::before').left)
      return left + 9 > box.width / 2 ? 'right' : 'left'
    })
  expect(await knob()).toBe('right')
  await toggle.click()
  await expect.poll(knob).toBe('left')
})
