/**
 * The built-in vendors in real Chromium (README "Services", "Google Consent Mode"): GA4 with Consent Mode, HubSpot,
 * Hotjar and YouTube, by id alone. Every third-party request is intercepted and recorded, so "nothing before consent"
 * is what the page asked for, through every path: the vendors' own loaders, markup, and scripts other scripts insert.
 */
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { bannerShown, consentCookie, pageWith, ran, ui, useSite } from './browser.js'
import { DENIED } from './fixtures.js'

const site = useSite()

const ALL_FOUR =
  'data-ga4="G-ABC123XYZ" data-hubspot="1234567" data-hotjar="3456789" data-policy-url="/privacy"'
const VIDEO =
  '<iframe data-consent="youtube" data-src="https://www.youtube.com/embed/VIDEO_ID" title="Product demo" width="400" height="225"></iframe>'

/** The hosts of the four vendors, as the "done when" names them. */
const VENDOR =
  /googletagmanager\.com|google-analytics\.com|hs-scripts\.com|hs-analytics\.net|hubspot\.com|hotjar\.(com|io)|youtube\.com|youtube-nocookie\.com|ytimg\.com/
const vendorRequests = (urls: string[]) => urls.filter(url => VENDOR.test(new URL(url).hostname))

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ'
const HUBSPOT = 'https://js.hs-scripts.com/1234567.js'
const HOTJAR = 'https://static.hotjar.com/c/hotjar-3456789.js?sv=6'
const PLAYER = 'https://www.youtube-nocookie.com/embed/VIDEO_ID'

/** `dataLayer` as Google's tags read it: each entry an Arguments object (a command) or a plain object (an event). */
const dataLayer = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map(entry =>
      Object.prototype.toString.call(entry) === '[object Arguments]'
        ? Array.from(entry as ArrayLike<unknown>, value => (value instanceof Date ? 'date' : value))
        : entry
    )
  )
const queue = (page: Page, name: '_hsp' | '_hsq') =>
  page.evaluate(name => (window as unknown as Record<string, unknown[]>)[name] ?? [], name)
const global = (page: Page, name: string) =>
  page.evaluate(name => (window as unknown as Record<string, unknown>)[name], name)

test('with all four by attribute, nothing reaches a vendor before a decision; Consent Mode says denied first', async () => {
  const { page, thirdParty, warnings, errors } = await site.open('/all', {
    html: pageWith({ attributes: ALL_FOUR, body: VIDEO })
  })
  await bannerShown(page)
  await page.locator('keksi-embed').getByRole('group', { name: 'Product demo' }).waitFor()
  await page.waitForTimeout(300)
  expect(thirdParty).toEqual([])
  expect(await dataLayer(page)).toEqual([
    ['consent', 'default', { ...DENIED, security_storage: 'granted', wait_for_update: 500 }]
  ])
  // GA's own opt-out is on, and HubSpot's banner off, before any of their code could run.
  expect(await global(page, 'ga-disable-G-ABC123XYZ')).toBe(true)
  expect(await global(page, 'disableHubSpotCookieBanner')).toBe(true)
  expect(warnings).toEqual([])
  expect(errors).toEqual([])
})

test('"Accept all" loads each vendor once: gtag.js after Consent Mode\'s update, HubSpot told first, the video from youtube-nocookie', async () => {
  const { page, thirdParty, errors } = await site.open('/all', {
    html: pageWith({ attributes: ALL_FOUR, body: VIDEO })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(page)).toEqual(expect.arrayContaining([GTAG, HUBSPOT, HOTJAR]))
  await expect.poll(() => page.locator('iframe').getAttribute('src')).toBe(PLAYER)
  expect(thirdParty.sort()).toEqual([GTAG, HOTJAR, HUBSPOT, PLAYER].sort())
  expect(await dataLayer(page)).toEqual([
    ['consent', 'default', { ...DENIED, security_storage: 'granted', wait_for_update: 500 }],
    ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
    ['js', 'date'],
    ['config', 'G-ABC123XYZ']
  ])
  expect(await global(page, 'ga-disable-G-ABC123XYZ')).toBe(false)
  expect(await queue(page, '_hsp')).toEqual([
    ['setHubSpotConsent', { analytics: true, advertisement: false, functionality: true }]
  ])
  expect(await global(page, '_hjSettings')).toEqual({ hjid: 3456789, hjsv: 6 })
  // HubSpot's loader is the element HubSpot's own snippet writes.
  expect(await page.locator('script#hs-script-loader').getAttribute('src')).toBe(HUBSPOT)
  expect(errors).toEqual([])
})

test('the same four from the JSON config block load the same way', async () => {
  const config = JSON.stringify({
    policyUrl: '/privacy',
    services: {
      ga4: { id: 'G-ABC123XYZ' },
      hubspot: { id: '1234567' },
      hotjar: { id: '3456789' },
      youtube: {}
    }
  })
  const { page, thirdParty, warnings } = await site.open('/json', {
    html: pageWith({
      head: `<script type="application/json" id="keksi-config">${config}</script>`,
      body: VIDEO
    })
  })
  await bannerShown(page)
  await page.waitForTimeout(300)
  expect(thirdParty).toEqual([])
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => thirdParty.sort()).toEqual([GTAG, HOTJAR, HUBSPOT, PLAYER].sort())
  expect(warnings).toEqual([])
})

test('per service: analytics on with Hotjar off loads GA and HubSpot, never Hotjar', async () => {
  const { page, thirdParty } = await site.open('/all', {
    html: pageWith({ attributes: ALL_FOUR, body: VIDEO })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  const dialog = ui(page).getByRole('dialog', { name: 'Cookie settings' })
  await dialog.getByRole('switch', { name: 'Analytics', exact: true }).click()
  await dialog.getByRole('switch', { name: 'Hotjar' }).click()
  await dialog.getByRole('button', { name: 'Save choices' }).click()
  await expect.poll(() => ran(page)).toEqual(expect.arrayContaining([GTAG, HUBSPOT]))
  await page.waitForTimeout(300)
  expect(thirdParty.sort()).toEqual([GTAG, HUBSPOT].sort())
  expect(await global(page, '_hjSettings')).toBeUndefined()
  expect(await page.locator('iframe').getAttribute('src')).toBeNull()
})

test('a return view applies the stored decision before any vendor code: update, then the loaders, HubSpot told again', async () => {
  const first = await site.open('/all', { html: pageWith({ attributes: ALL_FOUR }) })
  await bannerShown(first.page)
  await first.page.evaluate('window.keksi.set({ ga4: true, hubspot: true })')
  const { page, thirdParty } = await site.open('/all', { context: first.context })
  await expect.poll(() => thirdParty.sort()).toEqual([GTAG, HUBSPOT].sort())
  const layer = await dataLayer(page)
  expect(layer.slice(0, 2)).toEqual([
    ['consent', 'default', { ...DENIED, security_storage: 'granted', wait_for_update: 500 }],
    ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]
  ])
  expect(await queue(page, '_hsp')).toEqual([
    ['setHubSpotConsent', { analytics: true, advertisement: false, functionality: true }]
  ])
  expect(await ui(page).count()).toBe(0)
})

test('a refusal keeps everything off on this and the next page, and tells HubSpot no', async () => {
  const { page, context, thirdParty } = await site.open('/all', {
    html: pageWith({ attributes: ALL_FOUR, body: VIDEO })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  const next = await site.open('/all', { context })
  await next.page.waitForTimeout(500)
  expect([...thirdParty, ...next.thirdParty]).toEqual([])
  expect(await dataLayer(next.page)).toEqual([
    ['consent', 'default', { ...DENIED, security_storage: 'granted', wait_for_update: 500 }],
    ['consent', 'update', DENIED]
  ])
  expect(await queue(next.page, '_hsp')).toEqual([
    ['setHubSpotConsent', { analytics: false, advertisement: false, functionality: false }]
  ])
})

/** A page whose own script inserts vendor tags the ways tag managers and widgets do. */
const INSERTING = `<script>
window.loaded = []
const hotjar = document.createElement('script')
hotjar.src = 'https://static.hotjar.com/c/hotjar-999.js?sv=6'
hotjar.onload = () => window.loaded.push('hotjar')
document.head.appendChild(hotjar)
const hubspot = document.createElement('script')
hubspot.src = 'https://js.hs-analytics.net/analytics/1/1234567.js'
document.head.insertBefore(hubspot, document.head.firstChild)
const frames = document.createElement('div')
frames.innerHTML = '<iframe src="https://www.youtube-nocookie.com/embed/OTHER" title="Inserted video"></iframe>'
document.addEventListener('DOMContentLoaded', () => document.body.append(frames))
const first = document.createElement('script')
first.src = 'https://stats.example.com/own.js'
document.head.append(first)
</script>`

test('scripts and frames that other scripts insert are held until their service is granted, then released', async () => {
  const config = JSON.stringify({
    policyUrl: '/privacy',
    services: { stats: { category: 'analytics', name: 'Stats', hosts: ['stats.example.com'] } }
  })
  const { page, thirdParty, errors } = await site.open('/inserting', {
    html: pageWith({
      attributes: 'data-hubspot="1234567"',
      head: `<script type="application/json" id="keksi-config">${config}</script>`,
      body: INSERTING
    })
  })
  await bannerShown(page)
  await page.locator('keksi-embed').getByRole('group', { name: 'Inserted video' }).waitFor()
  await page.waitForTimeout(300)
  expect(thirdParty).toEqual([])
  // Held as markup is: marked for the service (or, for a vendor not configured, its category).
  expect(await page.locator('script[src*="hotjar"]').getAttribute('data-consent')).toBe('analytics')
  expect(await page.locator('script[src*="hs-analytics"]').getAttribute('data-consent')).toBe('hubspot')
  expect(await page.locator('script[src*="stats.example.com"]').getAttribute('data-consent')).toBe('stats')

  // Allowing Stats turns analytics on, which is all an unconfigured vendor's tag (Hotjar here) waits for; HubSpot,
  // configured, waits for its own switch.
  await page.evaluate('window.keksi.set({ stats: true })')
  await expect
    .poll(() => thirdParty.slice().sort())
    .toEqual(['https://static.hotjar.com/c/hotjar-999.js?sv=6', 'https://stats.example.com/own.js'])
  await page.evaluate('window.keksi.acceptAll()')
  await expect
    .poll(() => thirdParty.slice(2).sort())
    .toEqual(
      [
        'https://js.hs-analytics.net/analytics/1/1234567.js',
        'https://js.hs-scripts.com/1234567.js',
        'https://www.youtube-nocookie.com/embed/OTHER'
      ].sort()
    )
  // Released as the element the page made: its own onload ran.
  await expect.poll(() => global(page, 'loaded')).toEqual(['hotjar'])
  expect(errors).toEqual([])
})

test('once granted, what other scripts insert loads at once, as if Keksi were not there', async () => {
  const first = await site.open('/inserting', { html: pageWith({ attributes: 'data-policy-url="/p"' }) })
  await bannerShown(first.page)
  await first.page.evaluate('window.keksi.acceptAll()')
  const { page, thirdParty } = await site.open('/inserting', {
    context: first.context,
    html: pageWith({ attributes: 'data-policy-url="/p"', body: INSERTING })
  })
  await expect
    .poll(() => thirdParty.sort())
    .toEqual(
      [
        'https://js.hs-analytics.net/analytics/1/1234567.js',
        'https://static.hotjar.com/c/hotjar-999.js?sv=6',
        // No service claims its host: auto-blocking holds only known services' hosts.
        'https://stats.example.com/own.js',
        'https://www.youtube-nocookie.com/embed/OTHER'
      ].sort()
    )
  await expect.poll(() => global(page, 'loaded')).toEqual(['hotjar'])
  // Not held, so not marked.
  expect(await page.locator('script[src*="hotjar"]').getAttribute('data-consent')).toBeNull()
  expect(await page.locator('script[src*="hotjar"]').getAttribute('type')).toBeNull()
})

/** Cookies as GA, HubSpot and Hotjar set them: on the parent domain, and on this host only. */
const VENDOR_COOKIES = `for (const [name, domain] of [
  ['_ga', 'keksi.test'], ['_ga_ABC123XYZ', 'keksi.test'], ['_gid', ''], ['__hstc', 'keksi.test'],
  ['hubspotutk', 'keksi.test'], ['__hssc', ''], ['_hjSessionUser_3456789', 'keksi.test'], ['_hjSession_3456789', ''],
  ['mine', 'keksi.test']
]) document.cookie = name + '=1; path=/; max-age=3600' + (domain ? '; domain=' + domain : '')
localStorage.setItem('_hjUserAttributes', 'x')
sessionStorage.setItem('hjViewportId', 'y')
localStorage.setItem('mine', 'z')`

const cookieNames = async (page: Page) =>
  (await page.context().cookies()).map(cookie => `${cookie.name}@${cookie.domain}`).sort()

test('withdrawal: vendors told, their cookies gone on every domain level with their storage, video back to its placeholder, one reload', async () => {
  const { page, context } = await site.open('/all', { html: pageWith({ attributes: ALL_FOUR, body: VIDEO }) })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(page)).toHaveLength(3)
  await page.evaluate(VENDOR_COOKIES)
  expect(await cookieNames(page)).toContain('_ga@.keksi.test')
  let loads = 0
  page.on('load', () => loads++)
  await page.locator('body').evaluate(() => {
    const link = document.createElement('a')
    link.href = '#'
    link.dataset.keksiOpen = ''
    link.textContent = 'Cookie settings'
    document.body.append(link)
  })
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  const dialog = ui(page).getByRole('dialog', { name: 'Cookie settings' })
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Reject all' }).click()])
  await page.waitForTimeout(300)
  expect(loads).toBe(1)
  expect(await cookieNames(page)).toEqual(['keksi@www.keksi.test', 'mine@.keksi.test'])
  expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([
    ['mine'],
    []
  ])
  // The refusal is stored, not just the consent deleted.
  expect((await consentCookie(context))?.value).toMatch(/^1\.\w+\.\w+\.r\./)
})

test('withdrawal with reloadOnRevoke: false: the opt-outs are called on the page as it is', async () => {
  const config = JSON.stringify({ policyUrl: '/privacy', reloadOnRevoke: false })
  const { page } = await site.open('/all', {
    html: pageWith({
      attributes: ALL_FOUR,
      head: `<script type="application/json" id="keksi-config">${config}</script>`,
      body: VIDEO
    })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => page.locator('iframe[src]').count()).toBe(1)
  await page.evaluate(VENDOR_COOKIES)
  let loads = 0
  page.on('load', () => loads++)
  await page.evaluate('window.keksi.rejectAll()')
  await page.locator('keksi-embed').getByRole('group', { name: 'Product demo' }).waitFor()
  expect(await page.locator('iframe[src]').count()).toBe(0)
  expect(await global(page, 'ga-disable-G-ABC123XYZ')).toBe(true)
  expect((await dataLayer(page)).at(-1)).toEqual(['consent', 'update', DENIED])
  expect(await queue(page, '_hsp')).toEqual([
    ['setHubSpotConsent', { analytics: true, advertisement: false, functionality: true }],
    ['setHubSpotConsent', { analytics: false, advertisement: false, functionality: false }],
    ['revokeCookieConsent']
  ])
  expect(await queue(page, '_hsq')).toEqual([['doNotTrack']])
  expect(await cookieNames(page)).toEqual(['keksi@www.keksi.test', 'mine@.keksi.test'])
  // Granted again on the same page: HubSpot is told to track again.
  await page.evaluate("document.cookie = '__hs_do_not_track=yes; path=/'")
  await page.evaluate('window.keksi.acceptAll()')
  expect((await queue(page, '_hsq')).at(-1)).toEqual(['doNotTrack', { track: true }])
  expect(loads).toBe(0)
})

test('a custom service loads its script when granted and loses its cookies when withdrawn', async () => {
  const config = JSON.stringify({
    policyUrl: '/privacy',
    reloadOnRevoke: false,
    services: {
      matomo: {
        category: 'analytics',
        name: 'Matomo',
        src: 'https://stats.example.com/matomo.js',
        cookies: ['_pk_id* 13mo', '_pk_ses* 30min']
      }
    }
  })
  const { page, thirdParty } = await site.open('/custom', {
    html: pageWith({ head: `<script type="application/json" id="keksi-config">${config}</script>` })
  })
  await bannerShown(page)
  await page.waitForTimeout(200)
  expect(thirdParty).toEqual([])
  await page.evaluate('window.keksi.set({ matomo: true })')
  await expect.poll(() => ran(page)).toEqual(['https://stats.example.com/matomo.js'])
  await page.evaluate(`document.cookie = '_pk_id.1.abcd=1; path=/; domain=keksi.test'
    document.cookie = '_pk_ses.1.abcd=1; path=/'`)
  await page.evaluate('window.keksi.set({ matomo: false })')
  expect(await cookieNames(page)).toEqual(['keksi@www.keksi.test'])
})

test('a malformed id is reported as README "Mistakes" says, and that vendor loads nothing even after "Accept all"', async () => {
  const { page, thirdParty, warnings } = await site.open('/bad', {
    html: pageWith({ attributes: 'data-ga4="UA-12345-1" data-hotjar="3456789" data-policy-url="/privacy"' })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => thirdParty).toEqual([HOTJAR])
  await expect
    .poll(() => warnings)
    .toEqual([
      '[keksi] services.ga4.id: found "UA-12345-1", expected an id like "G-ABC123XYZ"; the service stays blocked.'
    ])
  expect(vendorRequests(thirdParty)).toEqual([HOTJAR])
})

test('YouTube markup works with no services entry: held, then loaded after "Accept all", with no warning', async () => {
  const { page, thirdParty, warnings } = await site.open('/video', {
    html: pageWith({ attributes: 'data-policy-url="/privacy"', body: VIDEO })
  })
  await bannerShown(page)
  await page.locator('keksi-embed').getByRole('group', { name: 'Product demo' }).waitFor()
  expect(thirdParty).toEqual([])
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => thirdParty).toEqual([PLAYER])
  expect(warnings).toEqual([])
  // The warning's words were never needed, so never fetched.
  expect(
    await page.evaluate(() => performance.getEntriesByType('resource').map(entry => entry.name))
  ).not.toEqual(expect.arrayContaining([expect.stringContaining('keksi-describe.js')]))
})

// Records every CSP violation from the first moment of the page.
const VIOLATIONS = `window.violations = []
document.addEventListener('securitypolicyviolation', event => window.violations.push(event.violatedDirective + ' ' + event.blockedURI))`

test('under a nonce-only CSP every script Keksi inserts carries the nonce, and nothing is blocked', async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-v3nd0rs'; style-src 'self'">
<script nonce="v3nd0rs" src="/dist/keksi.js" ${ALL_FOUR}></script><title>CSP</title></head><body></body></html>`
  const { page, errors } = await site.open('/csp-vendors', { html, init: VIOLATIONS })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(page)).toEqual(expect.arrayContaining([GTAG, HUBSPOT, HOTJAR]))
  const nonces = await page.evaluate(() =>
    [...document.scripts].map(script => [script.src.replace(location.origin, ''), script.nonce])
  )
  expect(nonces.filter(([src]) => /^https:/.test(src as string))).toHaveLength(3)
  for (const [src, nonce] of nonces) expect(nonce, src).toBe('v3nd0rs')
  expect(await global(page, 'violations')).toEqual([])
  expect(errors).toEqual([])
})

test('no vendor request through any path before consent, on a page with all of them at once', async () => {
  const { page, thirdParty } = await site.open('/everything', {
    html: pageWith({
      attributes: ALL_FOUR,
      body: `${INSERTING}${VIDEO}<script type="text/plain" data-consent="ga4" src="https://www.googletagmanager.com/gtm.js?id=GTM-X"></script>`
    })
  })
  await bannerShown(page)
  // Scripts inserted late, after the banner is up.
  await page.evaluate(() => {
    const late = document.createElement('script')
    late.src = 'https://www.google-analytics.com/analytics.js'
    document.body.append(late)
    document.body.insertAdjacentHTML(
      'beforeend',
      '<iframe src="https://www.youtube.com/embed/LATE"></iframe>'
    )
  })
  await page.waitForTimeout(500)
  expect(vendorRequests(thirdParty)).toEqual([])
})
