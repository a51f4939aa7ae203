import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { bannerShown, consentCookie, pageWith, ui, useSite } from './browser.js'

const site = useSite()
const VIDEO = 'https://www.youtube.com/embed/dQw4w9WgXcQ'
const PAGE = pageWith({
  attributes: 'data-policy-url="/privacy"',
  head: '<script type="application/json" id="keksi-config">{ "reloadOnRevoke": false, "services": { "youtube": {} } }</script>',
  body: `<main><h1>Videos</h1>
    <iframe data-consent="youtube" data-src="${VIDEO}" title="Product demo" width="560" height="315"></iframe>
    <iframe data-consent="youtube" data-src="https://www.youtube.com/embed/second" title="Second demo" width="560" height="315"></iframe>
    <iframe data-consent="embeds" data-src="https://maps.example.org/map" title="Our office"></iframe>
  </main>`
})

/** The placeholder standing in for the frame titled `title`. */
const placeholder = (page: Page, title: string) =>
  page.locator('keksi-embed').getByRole('group', { name: title })

test('a blocked embed shows a placeholder with its title and provider, and nothing is asked of the third party', async () => {
  const { page, thirdParty, errors } = await site.open('/embeds', { html: PAGE })
  await bannerShown(page)
  const video = placeholder(page, 'Product demo')
  await video.waitFor()
  expect(await video.textContent()).toContain('YouTube · Google Ireland Ltd.')
  expect(await video.getByRole('button').allTextContents()).toEqual(['Load video', 'Always allow'])
  // A frame that is not a video, gated by its category.
  const map = placeholder(page, 'Our office')
  expect(await map.textContent()).toContain('Embedded content')
  expect(await map.getByRole('button').allTextContents()).toEqual(['Load content', 'Always allow'])
  // In the frame's place and as large as the frame was drawn (560 × 315 and the default 2 px border); the frame
  // itself is out of sight.
  const box = await video.boundingBox()
  expect([box?.width, box?.height]).toEqual([564, 319])
  expect(
    await page.locator('iframe').evaluateAll(frames => frames.map(f => getComputedStyle(f).display))
  ).toEqual(['none', 'none', 'none'])
  await page.waitForTimeout(300)
  expect(thirdParty).toEqual([])
  expect(errors).toEqual([])
})

test('"Load video" loads that video alone, from the privacy-enhanced domain, and decides nothing', async () => {
  const { page, context, thirdParty } = await site.open('/embeds', { html: PAGE })
  await bannerShown(page)
  await placeholder(page, 'Product demo').getByRole('button', { name: 'Load video' }).click()
  await expect.poll(() => thirdParty).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'])
  await expect.poll(() => placeholder(page, 'Product demo').count()).toBe(0)
  expect(await page.locator('iframe[title="Product demo"]').isVisible()).toBe(true)
  expect(await placeholder(page, 'Second demo').count()).toBe(1)
  // No decision: the banner is still there, and nothing is stored.
  expect(await ui(page).locator('.keksi-banner').isVisible()).toBe(true)
  expect(await consentCookie(context)).toBeUndefined()
  // A later decision that does not allow YouTube leaves the video the visitor chose to watch.
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  await page.waitForTimeout(200)
  expect(await page.locator('iframe[title="Product demo"]').getAttribute('src')).toBe(
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
  )
})

test('"Always allow" allows YouTube: every video loads, the choice is stored, and a return view needs no UI', async () => {
  // Videos alone: a frame gated by the whole category would load too, as allowing a service allows its category.
  const videos = PAGE.replace(/<iframe data-consent="embeds".*?<\/iframe>/, '')
  const first = await site.open('/videos', { html: videos })
  await bannerShown(first.page)
  await placeholder(first.page, 'Second demo').getByRole('button', { name: 'Always allow' }).click()
  await expect
    .poll(() => first.thirdParty)
    .toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/second'
    ])
  await expect.poll(() => first.page.locator('keksi-embed').count()).toBe(0)
  expect(await consentCookie(first.context)).toBeDefined()
  // Allowing a service is a decision: the banner goes.
  await expect.poll(() => ui(first.page).locator('.keksi-banner').count()).toBe(0)

  const requests: string[] = []
  first.context.on('request', request => requests.push(new URL(request.url()).pathname))
  const second = await site.open('/videos', { context: first.context })
  await expect.poll(() => second.thirdParty).toHaveLength(2)
  expect(await second.page.locator('iframe[title="Product demo"]').isVisible()).toBe(true)
  expect(requests.filter(path => path.startsWith('/dist/'))).toEqual(['/dist/keksi.js'])
})

test('a refusal shows placeholders on every view, and withdrawing puts them back where videos played', async () => {
  const { page, thirdParty } = await site.open('/embeds', { html: PAGE })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => thirdParty).toHaveLength(3)
  expect(await page.locator('keksi-embed').count()).toBe(0)
  await page.evaluate(() => (window as unknown as { keksi: { rejectAll(): void } }).keksi.rejectAll())
  await expect.poll(() => page.locator('keksi-embed').count()).toBe(3)
  expect(await page.locator('iframe[src]').count()).toBe(0)
})

test('a return view of a page with a video held back draws its placeholder without the UI: keksi.js, keksi-embed.js and the theme', async () => {
  const first = await site.open('/embeds', { html: PAGE })
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Reject all' }).click()
  const requests: string[] = []
  first.context.on('request', request => requests.push(new URL(request.url()).pathname))
  const { page, thirdParty } = await site.open('/embeds', { context: first.context })
  await expect.poll(() => page.locator('keksi-embed').count()).toBe(3)
  await page.locator('keksi-embed').first().getByRole('button', { name: 'Load video' }).waitFor()
  expect(requests.filter(path => path.startsWith('/dist/')).sort()).toEqual([
    '/dist/keksi-embed.js',
    '/dist/keksi.js',
    '/dist/themes/embed-light.css'
  ])
  expect(thirdParty).toEqual([])
})

test('on a Finnish page the placeholder speaks Finnish, from the Finnish file, still without the UI', async () => {
  const html = PAGE.replace('<html lang="en">', '<html lang="fi">')
  const first = await site.open('/embeds-fi', { html })
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Hylkää kaikki' }).click()
  const requests: string[] = []
  first.context.on('request', request => requests.push(new URL(request.url()).pathname))
  const { page } = await site.open('/embeds-fi', { context: first.context, html })
  const placeholder = page.locator('keksi-embed').getByRole('group', { name: 'Product demo' })
  await placeholder.getByRole('button', { name: 'Lataa video' }).waitFor()
  await placeholder.getByRole('button', { name: 'Salli aina' }).waitFor()
  expect(requests.filter(path => path.startsWith('/dist/')).sort()).toEqual([
    '/dist/i18n/fi.json',
    '/dist/keksi-embed.js',
    '/dist/keksi.js',
    '/dist/themes/embed-light.css'
  ])
})

test('a placeholder takes its frame’s place without moving the page, even where the page’s CSS shows every iframe', async () => {
  const html = pageWith({
    attributes: 'data-policy-url="/privacy"',
    head: `<script type="application/json" id="keksi-config">{ "services": { "youtube": {} } }</script>
      <style>iframe { display: block; max-width: 100%; border: 0 } p { margin: 0 }</style>
      <script>window.shifts = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) window.shifts += e.value }).observe({ type: 'layout-shift', buffered: true })</script>`,
    body: `<main><p>Above</p><iframe data-consent="youtube" data-src="${VIDEO}" title="Product demo" width="560" height="315"></iframe><p id="below">Below</p></main>`
  })
  const { page } = await site.open('/embeds-cls', { html })
  const before = await page.locator('#below').boundingBox()
  await placeholder(page, 'Product demo').waitFor()
  await page.waitForTimeout(300)
  expect(await page.locator('#below').boundingBox()).toEqual(before)
  expect(await page.locator('iframe').isVisible()).toBe(false)
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0)
})
