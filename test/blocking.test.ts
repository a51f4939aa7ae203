import { expect, test } from 'vitest'
import { bannerShown, consentCookie, pageWith, ran, ui, useSite } from './browser.js'

const site = useSite()
const DAY = 86_400_000
const GATED = '/test/pages/gated.html'

test('nothing leaves the page before a decision', async () => {
  const { page, thirdParty, errors } = await site.open(GATED)
  await bannerShown(page)
  await page.waitForTimeout(500)
  expect(thirdParty).toEqual([])
  expect(await ran(page)).toEqual([])
  expect(await page.evaluate(() => (window as { order?: string[] }).order)).toEqual(['necessary'])
  expect(await page.locator('iframe').getAttribute('src')).toBeNull()
  expect(await page.locator('img').getAttribute('src')).toBeNull()
  expect(errors).toEqual([])
})

test('no cookie is written before the visitor decides', async () => {
  const { page, context } = await site.open(GATED)
  await bannerShown(page)
  expect(await context.cookies()).toEqual([])
})

test('accept all runs the gated scripts once, in document order, and loads embeds', async () => {
  const { page, thirdParty } = await site.open(GATED)
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect
    .poll(() => ran(page))
    .toEqual(['https://stats.example.com/a.js', 'https://cdn.embeds.example/e.js'])
  // inline 2 ran after the external script before it had run: document order, not load order.
  expect(await page.evaluate(() => (window as { order?: string[] }).order)).toEqual([
    'necessary',
    'inline 1',
    'inline 2:1'
  ])
  await expect
    .poll(() => page.locator('iframe').getAttribute('src'))
    .toBe('https://frames.example.org/frame.html')
  expect(await page.locator('img').getAttribute('src')).toBe('https://px.example.com/p.gif')
  expect(await ui(page).locator('.keksi-banner').count()).toBe(0)
  // Deciding again changes nothing that ran: each script runs once per page view.
  await page.evaluate(() => (window as unknown as { keksi: { acceptAll(): void } }).keksi.acceptAll())
  await page.waitForTimeout(200)
  expect(await ran(page)).toHaveLength(2)
  expect(thirdParty.filter(url => url.endsWith('a.js'))).toHaveLength(1)
})

test('an accepted decision applies on the next page without a banner', async () => {
  const first = await site.open(GATED)
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Accept all' }).click()
  const second = await site.open(GATED, { context: first.context })
  await expect.poll(() => ran(second.page)).toHaveLength(2)
  expect(await ui(second.page).count()).toBe(0)
  // A returning visitor downloads keksi.js only: no UI bundle, no theme.
  const requests: string[] = []
  second.page.on('request', request => requests.push(new URL(request.url()).pathname))
  await second.page.reload()
  await expect.poll(() => ran(second.page)).toHaveLength(2)
  expect(requests.filter(path => path.startsWith('/dist/'))).toEqual(['/dist/keksi.js'])
})

test('a refusal persists across reloads: no banner, nothing loads', async () => {
  const { page, context, thirdParty } = await site.open(GATED)
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  expect((await consentCookie(context))?.value).toMatch(/^1\./)
  for (let i = 0; i < 3; i++) {
    await page.reload()
    await page.waitForLoadState('load')
    await page.waitForTimeout(200)
    expect(await ui(page).locator('.keksi-banner').count()).toBe(0)
    // The frame it refused waits behind its placeholder.
    await page.locator('keksi-embed').getByRole('group', { name: 'A frame' }).waitFor()
  }
  expect(thirdParty).toEqual([])
  expect(
    await page.evaluate(
      () => (window as unknown as { keksi: { get(): { method: string } } }).keksi.get().method
    )
  ).toBe('reject-all')
})

test('the cookie is first-party, Path=/, SameSite=Lax, and at most 64 bytes with every built-in service', async () => {
  const { page, context } = await site.open('/x', {
    html: pageWith({
      attributes: 'data-ga4="G-ABC123XYZ" data-hubspot="1234567" data-hotjar="3456789" data-policy-url="/p"'
    })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  const cookie = await consentCookie(context)
  expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax', domain: 'www.keksi.test', httpOnly: false })
  expect(new TextEncoder().encode(cookie!.value).length).toBeLessThanOrEqual(64)
  // It expires 182 days after the decision.
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(181 * DAY)
  expect(cookie!.expires * 1000 - Date.now()).toBeLessThan(183 * DAY)
})

test('a tampered, malformed or foreign cookie means no decision: banner, nothing loads, nothing throws', async () => {
  const values = [
    '',
    '%',
    '{"a":',
    'x'.repeat(3000),
    '<img src=x onerror=alert(1)>',
    '1.1.zzzzzz.a.3f.abc.AAAAAAAAAAAAAAAA',
    '2.1.tn4z5k.a.3f.abc.AAAAAAAAAAAAAAAA',
    'true',
    '1.1.tn4z5k.a.zzzzzzzzzzz.abc.AAAAAAAAAAAAAAAA'
  ]
  for (const value of values) {
    const context = await (await site.open('/x', { html: pageWith({}) })).context
    await context.addCookies([{ name: 'keksi', value: encodeURIComponent(value) || '""', url: site.origin }])
    const { page: tab, thirdParty, errors } = await site.open(GATED, { context })
    await bannerShown(tab)
    expect(thirdParty, value).toEqual([])
    expect(errors, value).toEqual([])
    expect(
      await tab.evaluate(() => (window as unknown as { keksi: { get(): unknown } }).keksi.get())
    ).toBeNull()
    await context.close()
  }
})

test('a raised revision asks again', async () => {
  const first = await site.open('/x', {
    html: pageWith({ attributes: 'data-revision="1"', body: '<h1>r1</h1>' })
  })
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Accept all' }).click()
  const same = await site.open('/x', {
    context: first.context,
    html: pageWith({ attributes: 'data-revision="1"' })
  })
  await same.page.waitForTimeout(300)
  expect(await ui(same.page).count()).toBe(0)
  const raised = await site.open('/x', {
    context: first.context,
    html: pageWith({ attributes: 'data-revision="2"' })
  })
  await bannerShown(raised.page)
  expect(
    await raised.page.evaluate(() => (window as unknown as { keksi: { get(): unknown } }).keksi.get())
  ).toBeNull()
})

test('a decision expires 182 days after it was made, however often the visitor comes back', async () => {
  const start = Date.now()
  const first = await site.open('/blank', { html: '<!doctype html><title>blank</title>' })
  await first.page.clock.install({ time: start })
  await first.page.goto(site.origin + GATED)
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Reject all' }).click()
  const decided = (await consentCookie(first.context))!.value

  // Visits on day 100 and day 181 keep the decision, and rewrite the cookie with the original decision time.
  for (const day of [100, 181]) {
    await first.page.clock.setSystemTime(start + day * DAY)
    await first.page.reload()
    await first.page.waitForTimeout(300)
    expect(await ui(first.page).locator('.keksi-banner').count(), `day ${day}`).toBe(0)
    expect((await consentCookie(first.context))!.value).toBe(decided)
  }
  await first.page.clock.setSystemTime(start + 182 * DAY + 60_000)
  await first.page.reload()
  await bannerShown(first.page)
  expect(first.thirdParty).toEqual([])
})

test('where cookies are blocked, the decision holds for the page view and the banner still works', async () => {
  const blockCookies = `Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {} })`
  const { page, errors } = await site.open(GATED, { init: blockCookies })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(page)).toHaveLength(2)
  expect(errors).toEqual([])
  await page.reload()
  await bannerShown(page)
})

test('with cookieDomain the decision is shared with the other subdomains of the site', async () => {
  const html = pageWith({
    head: '<script type="application/json" id="keksi-config">{"policyUrl": "/p", "cookieDomain": "keksi.test"}</script>'
  })
  const www = await site.open('/shared', { html })
  await bannerShown(www.page)
  await ui(www.page).getByRole('button', { name: 'Reject all' }).click()
  expect((await consentCookie(www.context))?.domain).toBe('.keksi.test')
  const app = await www.context.newPage()
  await app.goto(`${site.origin.replace('www.', 'app.')}/shared`)
  await app.waitForTimeout(300)
  expect(await ui(app).count()).toBe(0)
  expect(
    await app.evaluate(
      () => (window as unknown as { keksi: { get(): { method: string } } }).keksi.get().method
    )
  ).toBe('reject-all')
})
