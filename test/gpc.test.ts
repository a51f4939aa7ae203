/**
 * Global Privacy Control in real Chromium (README "Global Privacy Control"): the browser's "no" is a decision, never
 * consent.
 */
import { expect, test } from 'vitest'
import { bannerShown, consentCookie, pageWith, ran, ui, useSite } from './browser.js'

const site = useSite()
const GATED = '/test/pages/gated.html'
/** What Firefox, Brave and DuckDuckGo expose when their user turned GPC on. */
const GPC = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })"

test('a visitor whose browser sends GPC gets no banner, nothing loads, and the refusal is stored as gpc', async () => {
  const { page, context, thirdParty } = await site.open(GATED, { init: GPC })
  await page.waitForTimeout(500)
  expect(await ui(page).locator('.keksi-banner').count()).toBe(0)
  expect(thirdParty).toEqual([])
  expect(await page.evaluate('window.keksi.get().method')).toBe('gpc')
  expect((await consentCookie(context))?.value).toMatch(/^1\.\w+\.\w+\.g\.0\./)
  // The next page applies the stored refusal, as for any decision.
  const next = await site.open(GATED, { init: GPC, context })
  await next.page.waitForTimeout(300)
  expect(next.thirdParty).toEqual([])
})

test('a GPC visitor can still opt in from "Cookie settings"; then the tags run', async () => {
  const { page } = await site.open(GATED, { init: GPC })
  await page.locator('#settings').click()
  // The preferences say why everything is off, until the visitor decides otherwise.
  const line = ui(page).getByText("We honoured your browser's Global Privacy Control signal", {
    exact: false
  })
  await line.waitFor()
  await ui(page).getByRole('switch', { name: 'Analytics', exact: true }).click()
  await ui(page).getByRole('button', { name: 'Save choices' }).click()
  await expect.poll(() => ran(page)).toEqual(['https://stats.example.com/a.js'])
  expect(await page.evaluate('window.keksi.get().method')).toBe('custom')
  await page.locator('#settings').click()
  await ui(page).getByRole('dialog', { name: 'Cookie settings' }).waitFor()
  expect(await line.count()).toBe(0)
})

test('with gpc: false, the signal is ignored and the visitor is asked', async () => {
  const html = pageWith({
    head: '<script type="application/json" id="keksi-config">{"policyUrl": "/privacy", "gpc": false}</script>'
  })
  const { page } = await site.open('/no-gpc', { html, init: GPC })
  await bannerShown(page)
  expect(await page.evaluate('window.keksi.get()')).toBeNull()
})
