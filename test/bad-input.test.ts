import { expect, test } from 'vitest'
import { bannerShown, pageWith, ran, ui, useSite, type Visit } from './browser.js'

const site = useSite()

/** Waits for Keksi's messages (they are put into words by a file fetched on demand) and returns them. */
const messages = async ({ warnings }: Visit, count: number): Promise<string[]> => {
  await expect
    .poll(() => warnings.filter(line => line.startsWith('[keksi]')).length)
    .toBeGreaterThanOrEqual(count)
  await new Promise(done => setTimeout(done, 200))
  return warnings.filter(line => line.startsWith('[keksi]'))
}

/** The banner works: accept all grants, and the gated tag runs. */
const bannerStillWorks = async (visit: Visit) => {
  await bannerShown(visit.page)
  await ui(visit.page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(visit.page)).toContain('https://stats.example.com/ok.js')
}
const OK_TAG =
  '<script type="text/plain" data-consent="analytics" src="https://stats.example.com/ok.js"></script>'

test('an unknown name in data-consent is reported once, naming the element, and stays blocked', async () => {
  const visit = await site.open('/bad', {
    html: pageWith({
      attributes: 'data-policy-url="/p"',
      body: `<script type="text/plain" data-consent="analytcs" src="https://stats.example.com/typo.js"></script>${OK_TAG}`
    })
  })
  await bannerStillWorks(visit)
  expect(await messages(visit, 1)).toEqual([
    '[keksi] <script data-consent>: unknown category or service "analytcs", expected one of necessary, analytics, embeds, youtube; it stays blocked.'
  ])
  expect(visit.thirdParty).not.toContain('https://stats.example.com/typo.js')
})

test('bad JSON in the config block is reported, and the banner works with the defaults', async () => {
  const visit = await site.open('/bad', {
    html: pageWith({
      head: '<script type="application/json" id="keksi-config">{ "policyUrl": "/p", }</script>',
      body: OK_TAG
    })
  })
  await bannerStillWorks(visit)
  const lines = await messages(visit, 2)
  expect(lines[0]).toMatch(
    /^\[keksi\] <script id="keksi-config">: invalid JSON \(.+\); expected a JSON object of options/
  )
  expect(lines[1]).toMatch(/^\[keksi\] policyUrl: missing/)
  expect(lines).toHaveLength(2)
  expect(visit.errors).toEqual([])
})

test('a malformed GA4 id is reported and GA4 stays off; the rest of the config applies', async () => {
  const visit = await site.open('/bad', {
    html: pageWith({
      attributes: 'data-ga4="UA-12345-1" data-hotjar="3456789" data-policy-url="/p"',
      body: `<script type="text/plain" data-consent="ga4" src="https://gtm.example/ga4.js"></script>${OK_TAG}`
    })
  })
  await bannerStillWorks(visit)
  const lines = await messages(visit, 2)
  expect(lines[0]).toBe(
    '[keksi] services.ga4.id: found "UA-12345-1", expected an id like "G-ABC123XYZ"; the service stays blocked.'
  )
  // The page's own data-consent="ga4" now names nothing known: it is reported too and never loads.
  expect(lines[1]).toMatch(/unknown category or service "ga4"/)
  expect(visit.thirdParty).not.toContain('https://gtm.example/ga4.js')
  expect(
    await visit.page.evaluate(() =>
      Object.keys((window as unknown as { keksi: { get(): { services: object } } }).keksi.get().services)
    )
  ).toEqual(['hotjar', 'youtube'])
})

test('unknown options and attributes get a "did you mean"', async () => {
  const visit = await site.open('/bad', {
    html: pageWith({
      attributes: 'data-gaa4="G-ABC123XYZ" data-policy-url="/p"',
      head: '<script type="application/json" id="keksi-config">{ "expireDays": 30, "theme": "blue" }</script>',
      body: OK_TAG
    })
  })
  await bannerStillWorks(visit)
  expect(await messages(visit, 3)).toEqual([
    '[keksi] data-gaa4: unknown attribute on the Keksi tag; did you mean data-ga4?',
    '[keksi] expireDays: unknown option; did you mean "expiresDays"?',
    '[keksi] theme: found "blue", expected "light", "dark" or "auto".'
  ])
})

test('a javascript: policy URL is refused and reported', async () => {
  const visit = await site.open('/bad', {
    html: pageWith({ attributes: 'data-policy-url="javascript:alert(1)"', body: OK_TAG })
  })
  await bannerShown(visit.page)
  expect(await ui(visit.page).locator('a[href^="javascript"]').count()).toBe(0)
  expect(await messages(visit, 1)).toEqual([
    '[keksi] policyUrl: found "javascript:alert(1)", expected an http(s) or relative URL such as "/privacy".'
  ])
  await bannerStillWorks(visit)
})

test('texts are rendered as text: HTML stays literal, only http(s) and relative links become links', async () => {
  const texts = {
    en: {
      title: '<img src=x onerror="window.pwned=1">',
      description: 'See [policy](/p), [bad](javascript:alert(1)) and <b>bold</b>.'
    }
  }
  const visit = await site.open('/bad', {
    html: pageWith({
      head: `<script type="application/json" id="keksi-config">${JSON.stringify({ policyUrl: '/p', texts })}</script>`
    })
  })
  await bannerShown(visit.page)
  const banner = ui(visit.page).locator('.keksi-banner')
  expect(await banner.locator('h2').textContent()).toBe(texts.en.title)
  expect(await banner.locator('img, b').count()).toBe(0)
  expect(await banner.locator('p a').evaluateAll(links => links.map(a => a.getAttribute('href')))).toEqual([
    '/p',
    '/p'
  ])
  expect(await banner.locator('p').textContent()).toContain('[bad](javascript:alert(1))')
  expect(await visit.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
})

test('the script included twice is reported once and the first stays in charge', async () => {
  const visit = await site.open('/bad', {
    html: `${pageWith({ attributes: 'data-policy-url="/p"', body: OK_TAG })}<script src="/dist/keksi.js"></script>`
  })
  await bannerStillWorks(visit)
  expect(await messages(visit, 1)).toEqual([
    '[keksi] keksi.js: included twice; expected one Keksi tag per page. The first one stays in charge.'
  ])
  // One UI: its host at the start of <body>, and its room at the end.
  expect(await visit.page.locator('keksi-root').count()).toBe(2)
  expect(visit.thirdParty.filter(url => url.endsWith('ok.js'))).toHaveLength(1)
})

test('a page with no mistakes fetches no message file and logs nothing', async () => {
  const requests: string[] = []
  const visit = await site.open('/bad', {
    html: pageWith({ attributes: 'data-policy-url="/p"', body: OK_TAG })
  })
  visit.page.on('request', request => requests.push(request.url()))
  await bannerStillWorks(visit)
  await visit.page.reload()
  await visit.page.waitForTimeout(300)
  expect(visit.warnings).toEqual([])
  expect(requests.some(url => url.includes('keksi-describe'))).toBe(false)
})
