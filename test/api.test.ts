import { expect, test } from 'vitest'
import { bannerShown, consentCookie, pageWith, ran, ui, useSite } from './browser.js'

const site = useSite()

/** Records every keksi:* DOM event and every on() call, in order, from before Keksi loads. */
const RECORDER = `
  window.seen = []
  for (const name of ['ready', 'consent', 'change', 'open', 'close']) {
    document.addEventListener('keksi:' + name, event => window.seen.push(['dom:' + name, event.detail]))
  }
  ;(window.keksi = window.keksi || []).push(keksi => {
    window.queued = typeof keksi.get
    for (const name of ['ready', 'consent', 'change']) keksi.on(name, detail => window.seen.push(['on:' + name, detail]))
  })
`
type Seen = [string, Record<string, unknown> | null][]
const seen = (page: import('playwright-core').Page): Promise<Seen> =>
  page.evaluate(() => (window as unknown as { seen: Seen }).seen)
const names = (events: Seen) => events.map(([name]) => name)

const API_PAGE = pageWith({
  attributes: 'data-ga4="G-ABC123XYZ" data-hotjar="3456789" data-policy-url="/privacy"',
  head: `<script>${RECORDER}</script>`,
  body: `<script type="text/plain" data-consent="hotjar" src="https://static.hotjar.example/h.js"></script>
         <script type="text/plain" data-consent="ga4" src="https://gtm.example/g.js"></script>`
})

test('the pre-load queue runs with the API, then ready fires once with null', async () => {
  const { page } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  expect(await page.evaluate(() => (window as unknown as { queued: string }).queued)).toBe('function')
  const events = await seen(page)
  expect(names(events)).toEqual(['on:ready', 'dom:ready', 'dom:open'])
  expect(events[0]![1]).toBeNull()
  expect(events[2]![1]).toEqual({ view: 'banner' })
})

test('a decision fires consent and change with what was granted, on() and DOM alike', async () => {
  const { page } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  await page.evaluate(() => (window as unknown as { seen: Seen }).seen.splice(0))
  await page.evaluate(() =>
    (window as unknown as { keksi: { set(c: object): void } }).keksi.set({ hotjar: true })
  )
  const events = await seen(page)
  expect(names(events)).toEqual(['on:consent', 'dom:consent', 'on:change', 'dom:change', 'dom:close'])
  const change = events[2]![1]!
  expect(change.method).toBe('custom')
  expect(change.granted).toEqual(['analytics', 'hotjar'])
  expect(change.revoked).toEqual([])
  expect(change.categories).toEqual({ necessary: true, analytics: true, embeds: false })
  expect(change.services).toEqual({ ga4: false, hotjar: true, youtube: false })
  expect(events[3]![1]).toEqual(change)
  // Per service: only Hotjar's tags ran, the page's and Hotjar's own loader.
  await expect
    .poll(async () => (await ran(page)).sort())
    .toEqual(['https://static.hotjar.com/c/hotjar-3456789.js?sv=6', 'https://static.hotjar.example/h.js'])
  expect(await ui(page).locator('.keksi-banner').count()).toBe(0)
})

test('get, accepted and the store agree with the cookie', async () => {
  const { page, context } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  const result = await page.evaluate(() => {
    const keksi = (window as unknown as { keksi: Record<string, (...args: unknown[]) => unknown> }).keksi
    const before = {
      get: keksi.get!(),
      analytics: keksi.accepted!('analytics'),
      necessary: keksi.accepted!('necessary')
    }
    const stored: unknown[] = []
    ;(keksi.store as unknown as { subscribe(fn: (v: unknown) => void): void }).subscribe(v => stored.push(v))
    keksi.acceptAll!()
    const consent = keksi.get!() as Record<string, unknown>
    return {
      before,
      consent,
      ga4: keksi.accepted!('ga4'),
      nonsense: keksi.accepted!('nonsense'),
      stored: stored.length
    }
  })
  expect(result.before).toEqual({ get: null, analytics: false, necessary: true })
  expect(result.consent).toMatchObject({ revision: 1, method: 'accept-all' })
  expect(result.consent.id).toMatch(/^[\w-]{16}$/)
  expect(
    Date.parse(result.consent.expiresAt as string) - Date.parse(result.consent.decidedAt as string)
  ).toBe(182 * 86_400_000)
  expect(result.ga4).toBe(true)
  expect(result.nonsense).toBe(false)
  expect(result.stored).toBe(2)
  expect((await consentCookie(context))?.value).toContain((result.consent as { id: string }).id)
})

test('on() returns a function that stops listening; onAccept runs once when granted', async () => {
  const { page } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  const calls = await page.evaluate(() => {
    const keksi = (window as unknown as { keksi: Record<string, (...args: unknown[]) => unknown> }).keksi
    const log: string[] = []
    const stop = keksi.on!('consent', () => log.push('consent')) as () => void
    keksi.onAccept!('hotjar', () => log.push('hotjar allowed'))
    const cancelled = keksi.onAccept!('ga4', () => log.push('never')) as () => void
    cancelled()
    keksi.rejectAll!()
    stop()
    keksi.acceptAll!()
    keksi.acceptAll!()
    keksi.onAccept!('analytics', () => log.push('analytics now'))
    keksi.on!('ready', (value: unknown) => log.push(`late ready: ${value === null ? 'null' : 'decision'}`))
    return log
  })
  expect(calls).toEqual(['consent', 'hotjar allowed', 'analytics now', 'late ready: null'])
})

test('a throwing listener is reported and does not stop Keksi or the other listeners', async () => {
  const { page, errors } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  const log = await page.evaluate(() => {
    const keksi = (window as unknown as { keksi: Record<string, (...args: unknown[]) => unknown> }).keksi
    const log: string[] = []
    keksi.on!('consent', () => {
      throw new Error('listener bug')
    })
    keksi.on!('consent', () => log.push('second listener ran'))
    keksi.acceptAll!()
    log.push(`accepted: ${keksi.accepted!('analytics')}`)
    return log
  })
  expect(log).toEqual(['second listener ran', 'accepted: true'])
  await expect.poll(() => errors).toEqual(['listener bug'])
  // The two tags of the page, and GA4's and Hotjar's own loaders.
  await expect.poll(() => ran(page)).toHaveLength(4)
})

test('withdrawal stores the refusal and reloads once, when a withdrawn script had run', async () => {
  const { page, context } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(page)).toHaveLength(4)
  const loads: string[] = []
  page.on('load', () => loads.push(page.url()))
  await page.evaluate(() =>
    (window as unknown as { keksi: { set(c: object): void } }).keksi.set({ hotjar: false })
  )
  await page.waitForLoadState('load')
  await expect.poll(() => loads.length).toBe(1)
  // The cookie was rewritten with the refusal, not deleted; after the reload only GA's tag runs.
  expect((await consentCookie(context))?.value).toMatch(/^1\./)
  await expect
    .poll(async () => (await ran(page)).sort())
    .toEqual(['https://gtm.example/g.js', 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ'])
  expect(
    await page.evaluate(() =>
      (window as unknown as { keksi: { accepted(n: string): boolean } }).keksi.accepted('hotjar')
    )
  ).toBe(false)
  await page.waitForTimeout(300)
  expect(loads).toHaveLength(1)
})

test('reloadOnRevoke: false keeps the page; embeds go back to blocked', async () => {
  const html = pageWith({
    head: `<script type="application/json" id="keksi-config">{"policyUrl": "/p", "reloadOnRevoke": false, "services": {"youtube": {}}}</script>`,
    body: '<iframe data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>'
  })
  const { page } = await site.open('/no-reload', { html })
  await bannerShown(page)
  await page.evaluate(() => {
    ;(window as unknown as { marker: number }).marker = 1
    ;(window as unknown as { keksi: { acceptAll(): void } }).keksi.acceptAll()
  })
  await expect
    .poll(() => page.locator('iframe').getAttribute('src'))
    .toBe('https://www.youtube-nocookie.com/embed/x')
  await page.evaluate(() => (window as unknown as { keksi: { rejectAll(): void } }).keksi.rejectAll())
  await expect.poll(() => page.locator('iframe').getAttribute('src')).toBeNull()
  expect(await page.locator('iframe').getAttribute('data-src')).toBe(
    'https://www.youtube-nocookie.com/embed/x'
  )
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(1)
})

test('reset() forgets the decision and shows the banner again', async () => {
  const { page, context } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  await page.reload()
  await page.waitForTimeout(300)
  expect(await ui(page).count()).toBe(0)
  await page.evaluate(() => (window as unknown as { keksi: { reset(): void } }).keksi.reset())
  await bannerShown(page)
  expect(await consentCookie(context)).toBeUndefined()
  expect(
    await page.evaluate(() => (window as unknown as { keksi: { get(): unknown } }).keksi.get())
  ).toBeNull()
})

test('open(), show() and hide() drive the UI and fire open and close', async () => {
  const { page } = await site.open('/api', { html: API_PAGE })
  await bannerShown(page)
  await page.evaluate(() => (window as unknown as { keksi: { hide(): void } }).keksi.hide())
  await expect.poll(() => ui(page).locator('.keksi-banner').count()).toBe(0)
  await page.evaluate(() => (window as unknown as { keksi: { open(): void } }).keksi.open())
  await ui(page).getByRole('dialog', { name: 'Cookie settings' }).waitFor()
  expect(names(await seen(page)).filter(name => name === 'dom:open' || name === 'dom:close')).toEqual([
    'dom:open',
    'dom:close',
    'dom:open'
  ])
})
