/**
 * Proof of consent end to end (README "Proof of consent"): pages with `record` set, in real Chromium, and the real
 * receiver on a temporary SQLite file, on another host of the site (`records.keksi.test`, so CORS is real).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createReceiver } from '../src/records/server.js'
import { openStore, type Store, type StoredRecord } from '../src/records/store.js'
import { bannerShown, pageWith, ui, useSite } from './browser.js'

const site = useSite()
const dir = mkdtempSync(join(tmpdir(), 'keksi-records-'))
let store: Store
let port = 0
let receiver: ReturnType<typeof createReceiver> | undefined

/** A port nothing listens on yet. */
const freePort = () =>
  new Promise<number>(resolve => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
const up = () =>
  new Promise<void>(resolve => {
    receiver = createReceiver({ store, origins: [site.origin] }).listen(port, '127.0.0.1', resolve)
  })
const down = () => new Promise(resolve => (receiver ? receiver.close(resolve) : resolve(undefined)))

beforeAll(async () => {
  store = await openStore(join(dir, 'consent.db'))
  port = await freePort()
  await up()
})
afterAll(async () => {
  await down()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const receiverUrl = () => `http://records.keksi.test:${port}`
const recordPage = () =>
  pageWith({
    attributes: 'data-ga4="G-ABC123XYZ"',
    head: `<script type="application/json" id="keksi-config">${JSON.stringify({
      policyUrl: '/privacy',
      record: `${receiverUrl()}/records`
    })}</script>`,
    body: '<a href="#" data-keksi-open>Cookie settings</a>'
  })
const open = (
  path: string,
  options: { init?: string; context?: import('playwright-core').BrowserContext } = {}
) => site.open(`/records${path}`, { html: recordPage(), through: receiverUrl(), ...options })

/** What the receiver holds for the decision now in the page. */
const kept = async (page: Page): Promise<StoredRecord[]> => {
  const id = await page.evaluate('window.keksi.get().id')
  return store.find({ consentId: id as string })
}

test('every kind of decision reaches the receiver, with its method and the wording shown', async () => {
  const { page, context, thirdParty } = await open('/accept')
  await bannerShown(page)
  // Nothing is fetched for records before a decision.
  expect(thirdParty).toEqual([])
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(async () => (await kept(page)).length).toBe(1)
  const [accepted] = await kept(page)
  expect(accepted).toMatchObject({
    method: 'accept-all',
    revision: 1,
    categories: { necessary: true, analytics: true, embeds: true },
    services: { ga4: true, youtube: true },
    page: `${site.origin}/records/accept`,
    language: 'en'
  })
  expect(accepted?.textsHash).toMatch(/^[0-9a-f]{64}$/)
  expect(accepted?.texts).toMatchObject({ title: 'Cookies on this site' })

  // Custom, from the preferences: the wording now has the dialog's words too, so a new hash, sent with it.
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  const dialog = ui(page).getByRole('dialog', { name: 'Cookie settings' })
  await dialog.getByRole('switch', { name: 'Embedded content' }).click()
  await dialog.getByRole('button', { name: 'Save choices' }).click()
  await expect.poll(async () => (await kept(page))[0]?.method).toBe('custom')
  const [custom] = await kept(page)
  expect(custom?.categories.embeds).toBe(false)
  expect(custom?.texts).toMatchObject({ save: 'Save choices' })
  // Reject all: a withdrawal of GA4, whose code ran, so the page reloads; the record outlives it (keepalive).
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  await Promise.all([
    page.waitForEvent('load'),
    ui(page).getByRole('dialog').getByRole('button', { name: 'Reject all' }).click()
  ])
  await expect.poll(async () => (await kept(page))[0]?.method).toBe('reject-all')

  // A record arrives once, however often the page is viewed.
  const all = await store.find({ from: '2000-01-01T00:00:00Z' })
  const ids = all.map(record => record.consentId)
  expect(new Set(ids).size).toBe(ids.length)
  await context.close()
})

test('a GPC visitor’s refusal is recorded too, without wording: no banner was shown', async () => {
  const { page } = await open('/gpc', {
    init: "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })"
  })
  await expect.poll(async () => (await kept(page))[0]?.method).toBe('gpc')
  const [gpc] = await kept(page)
  expect(gpc?.textsHash).toBeNull()
  expect(gpc?.texts).toBeNull()
  expect(gpc?.language).toBe('en')
})

test('with the receiver down, the record waits in the browser and arrives, once, on the next page view', async () => {
  await down()
  const first = await open('/offline')
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Reject all' }).click()
  await expect
    .poll(() => first.page.evaluate(() => JSON.parse(localStorage.getItem('keksi:records') ?? '[]').length))
    .toBe(1)
  expect(await kept(first.page)).toEqual([])
  await up()
  const next = await open('/offline', { context: first.context })
  await expect.poll(async () => (await kept(next.page)).length).toBe(1)
  await expect.poll(() => next.page.evaluate(() => localStorage.getItem('keksi:records'))).toBe('[]')
  // A later view has nothing to send, and fetches nothing for records.
  const third = await open('/offline', { context: first.context })
  await third.page.waitForTimeout(300)
  const files = await third.page.evaluate(() =>
    performance.getEntriesByType('resource').map(entry => entry.name)
  )
  expect(files.filter(name => name.includes('keksi-record'))).toEqual([])
  expect(await kept(third.page)).toHaveLength(1)
})

test('a crawler gets no banner, no tag and no record; with GPC too', async () => {
  const context = await site.newContext({
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
  })
  const before = (await store.find({ from: '2000-01-01T00:00:00Z' })).length
  const { page, thirdParty } = await open('/bot', {
    context,
    init: "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })"
  })
  await page.waitForTimeout(500)
  expect(await ui(page).locator('.keksi-banner').count()).toBe(0)
  expect(await page.evaluate('window.keksi.get()')).toBeNull()
  expect(thirdParty).toEqual([])
  expect(await store.find({ from: '2000-01-01T00:00:00Z' })).toHaveLength(before)
})
