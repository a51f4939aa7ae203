import { readdirSync, statSync } from 'node:fs'
import { expect, test } from 'vitest'
import { bannerShown, ui, useSite } from './browser.js'

const site = useSite()
const HOTJAR = 'https://static.hotjar.com/c/hotjar-3456789.js?sv=6'

/** Every page under examples/ that loads Keksi. */
const pages = readdirSync('examples', { recursive: true, encoding: 'utf8' })
  .filter(
    path => path.endsWith('.html') && !path.startsWith('vendor') && statSync(`examples/${path}`).isFile()
  )
  .filter(path => path !== 'index.html')
  // The apps' source pages need their bundler; their built pages are under <app>/dist/.
  .filter(path => !/^[\w-]+-app\/index\.html$/.test(path))

test('every example page shows the banner with no error and no warning', async () => {
  expect(pages.length).toBeGreaterThanOrEqual(3)
  for (const path of pages) {
    const visit = await site.open(`/examples/${path}`)
    await bannerShown(visit.page)
    await visit.page.waitForTimeout(200)
    expect(visit.errors, path).toEqual([])
    expect(visit.warnings, path).toEqual([])
    expect(visit.thirdParty, path).toEqual([])
    await visit.context.close()
  }
})

test('the examples index links to every example', async () => {
  const { page } = await site.open('/')
  const links = await page
    .locator('main a')
    .evaluateAll(all => all.map(a => new URL((a as HTMLAnchorElement).href).pathname))
  for (const path of pages.filter(path => path.endsWith('/index.html'))) {
    expect(links).toContain(`/examples/${path.replace(/index\.html$/, '')}`)
  }
  expect(links).toContain('/examples/preact-app/dist/')
})

test('custom tags: accepting runs the gated scripts and loads the map and pixel', async () => {
  const { page } = await site.open('/examples/custom-tags/')
  await bannerShown(page)
  expect(await page.locator('#log').textContent()).toBe('ready: no decision yet\n')
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => page.locator('#log').textContent()).toContain('stats.js ran')
  const log = await page.locator('#log').textContent()
  expect(log).toContain('inline script ran (data-consent="analytics")')
  expect(log).toContain('inline script ran (data-consent="marketing")')
  expect(log).toContain('onAccept: marketing is allowed')
  expect(log).toContain('change: granted [analytics,embeds,marketing,maps,youtube] revoked []')
  expect(await page.locator('iframe').getAttribute('src')).toBe('/examples/vendor/map.html')
  expect(await page.locator('img').getAttribute('src')).toBe('/examples/vendor/pixel.svg')
})

test('in Finnish: the page’s language is the banner’s', async () => {
  const { page } = await site.open('/examples/plain/fi.html')
  await bannerShown(page)
  expect(await ui(page).locator('.keksi-banner button').allTextContents()).toEqual([
    'Hyväksy kaikki',
    'Hylkää kaikki',
    'Asetukset'
  ])
  await page.locator('main a[data-keksi-open]').click()
  await expect.poll(() => ui(page).locator('.keksi-preferences h2').textContent()).toBe('Evästeasetukset')
  // The config block's layout: after a decision, the floating button, in Finnish.
  await ui(page).getByRole('dialog').getByRole('button', { name: 'Hylkää kaikki' }).click()
  await ui(page).getByRole('button', { name: 'Evästeasetukset' }).waitFor()
})

test('plain HTML: all four by id; nothing before consent, each vendor once "Accept all" is clicked', async () => {
  const { page, thirdParty, warnings } = await site.open('/examples/plain/')
  await bannerShown(page)
  await page.waitForTimeout(300)
  expect(thirdParty).toEqual([])
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect
    .poll(() => thirdParty.slice().sort())
    .toEqual([
      'https://js.hs-scripts.com/1234567.js',
      'https://static.hotjar.com/c/hotjar-3456789.js?sv=6',
      'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ',
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'
    ])
  expect(warnings).toEqual([])
})

test('Google Tag Manager: the container sees consent default, then update, then gtm.js; nothing from Google before', async () => {
  const { page, thirdParty, warnings } = await site.open('/examples/gtm/')
  await bannerShown(page)
  await page.waitForTimeout(300)
  expect(thirdParty).toEqual([])
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => thirdParty).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234'])
  const layer = await page.evaluate(() =>
    (window as unknown as { dataLayer: unknown[] }).dataLayer.map(entry =>
      Object.prototype.toString.call(entry) === '[object Arguments]'
        ? Array.from(entry as ArrayLike<unknown>)
            .slice(0, 2)
            .join(' ')
        : (entry as { event?: string }).event
    )
  )
  expect(layer).toEqual(['consent default', 'consent update', 'gtm.js'])
  // "Accept all" granted the marketing category too, and with it the ad signals.
  const update = await page.evaluate(
    () => (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer[1]?.[2]
  )
  expect(update).toMatchObject({
    analytics_storage: 'granted',
    ad_storage: 'granted',
    ad_user_data: 'granted'
  })
  // The page shows the same.
  await expect.poll(() => page.locator('#layer li').count()).toBe(3)
  expect(warnings).toEqual([])
})

test('proof of consent: a decision is posted to the receiver the example names, and the page shows how to export it', async () => {
  const { page, thirdParty } = await site.open('/examples/records/')
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  const id = await page.evaluate('window.keksi.get().id')
  await expect.poll(() => page.locator('#export').textContent()).toContain(`consentId=${id}`)
  await expect.poll(() => thirdParty).toContain('http://localhost:8787/records')
})

test('plain HTML: the decision shows on the page, and "Cookie settings" reopens the preferences', async () => {
  const { page, thirdParty } = await site.open('/examples/plain/')
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  await expect.poll(() => page.locator('#state').textContent()).toContain('analytics: no')
  await expect.poll(() => page.locator('#state').textContent()).toContain('youtube: no')
  // The video waits behind its placeholder, which plays it this once from the privacy-enhanced domain.
  const video = page.locator('keksi-embed').getByRole('group', { name: 'Big Buck Bunny' })
  expect(thirdParty).toEqual([])
  await video.getByRole('button', { name: 'Load video' }).click()
  await expect.poll(() => thirdParty).toEqual(['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'])
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  await ui(page).getByRole('dialog', { name: 'Cookie settings' }).waitFor()
  expect(page.url()).toMatch(/\/examples\/plain\/$/)
})

test('npm app: the bundled init() shows the banner with its theme, and the store drives the page', async () => {
  const { page, thirdParty } = await site.open('/examples/npm-app/dist/')
  await bannerShown(page)
  expect(await page.locator('#state').textContent()).toBe('no decision yet')
  expect(
    await ui(page)
      .locator('.keksi-banner')
      .evaluate(banner => getComputedStyle(banner).position)
  ).toBe('fixed')
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  await ui(page).getByRole('switch', { name: 'Hotjar' }).click()
  await ui(page).getByRole('button', { name: 'Save choices' }).click()
  await expect
    .poll(() => page.locator('#state').textContent())
    .toBe('ga4: not allowed, hotjar: allowed, youtube: not allowed')
  expect(await page.locator('#log').textContent()).toContain('analytics allowed')
  // Hotjar's own loader, and nothing of Google's.
  await expect.poll(() => thirdParty).toEqual([HOTJAR])
})

test('Preact app: components read the store with useStore and re-render on every decision', async () => {
  const { page, thirdParty } = await site.open('/examples/preact-app/dist/')
  await bannerShown(page)
  expect(await page.locator('#decision').textContent()).toBe('No decision yet.')
  expect(await page.locator('#heatmap').textContent()).toBe('Hotjar waits for your consent.')
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect
    .poll(() => page.locator('#decision li').allTextContents())
    .toEqual(['necessary: allowed', 'analytics: allowed', 'embeds: allowed'])
  expect(await page.locator('#heatmap').textContent()).toBe(
    'Hotjar is allowed: the app would start its heatmap here.'
  )
  await page.getByRole('button', { name: 'Cookie settings' }).click()
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  await expect
    .poll(() => page.locator('#decision li').allTextContents())
    .toEqual(['necessary: allowed', 'analytics: not allowed', 'embeds: not allowed'])
  expect(await page.locator('#heatmap').textContent()).toBe('Hotjar waits for your consent.')
  // Loaded once while allowed, by the vendor's own loader.
  expect(thirdParty).toEqual([HOTJAR])
})
