import { expect, test } from 'vitest'
import { bannerShown, ran, ui, useSite } from './browser.js'

const site = useSite()

// Records every CSP violation from the first moment of the page.
const VIOLATIONS = `window.violations = []
document.addEventListener('securitypolicyviolation', event => window.violations.push(event.violatedDirective + ' ' + event.blockedURI))`

const strictPage = (nonce: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-${nonce}' https://stats.example.com; style-src 'self'">
<script nonce="${nonce}" src="/dist/keksi.js" data-policy-url="/p"></script><title>CSP</title></head>
<body><script type="text/plain" data-consent="analytics">window.inlineRan = true</script>
<script type="text/plain" data-consent="analytics" src="https://stats.example.com/s.js"></script></body></html>`

test('under a nonce-only CSP the banner works, and released inline scripts run with the nonce', async () => {
  const { page, errors } = await site.open('/csp', { html: strictPage('r4nd0m'), init: VIOLATIONS })
  await bannerShown(page)
  // The theme applied: the banner is styled, not raw.
  const position = await ui(page)
    .locator('.keksi-banner')
    .evaluate(banner => getComputedStyle(banner).position)
  expect(position).toBe('fixed')
  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan))
    .toBe(true)
  await expect.poll(() => ran(page)).toEqual(['https://stats.example.com/s.js'])
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
  expect(errors).toEqual([])
})

test('the UI and its stylesheet are fetched together, from keksi.js, with the nonce: no waterfall', async () => {
  const { page } = await site.open('/csp', { html: strictPage('t0gether'), init: VIOLATIONS })
  await bannerShown(page)
  const fetched = await page.evaluate(() => {
    const timing = (file: string) =>
      performance
        .getEntriesByType('resource')
        .find(entry => entry.name.endsWith(file)) as PerformanceResourceTiming
    const preload = document.head.querySelector<HTMLLinkElement>('link[rel="preload"][as="style"]')
    const script = document.head.querySelector<HTMLScriptElement>('script[src$="/dist/keksi-ui.js"]')
    return {
      preload: [preload?.getAttribute('href')?.replace(location.origin, ''), preload?.nonce],
      priority: script?.fetchPriority,
      // The stylesheet was asked for before the UI had even arrived, so not by the UI.
      cssBeforeUi: timing('/dist/themes/light.css').startTime < timing('/dist/keksi-ui.js').responseEnd
    }
  })
  expect(fetched).toEqual({
    preload: ['/dist/themes/light.css', 't0gether'],
    priority: 'high',
    cssBeforeUi: true
  })
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
})

test('the preferences open and save under the same CSP, with no violation', async () => {
  const { page } = await site.open('/csp', { html: strictPage('n0nce'), init: VIOLATIONS })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Settings' }).click()
  const dialog = ui(page).getByRole('dialog', { name: 'Cookie settings' })
  await dialog.getByRole('switch', { name: 'Analytics', exact: true }).click()
  await dialog.getByRole('button', { name: 'Save choices' }).click()
  await expect.poll(() => ran(page)).toEqual(['https://stats.example.com/s.js'])
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
})

test('the placeholder of an embed held back is drawn and sized under the same CSP, with no violation', async () => {
  const html = strictPage('3mb3d').replace(
    '</body>',
    '<iframe data-consent="embeds" data-src="https://frames.example.org/f" title="A map" width="400" height="300"></iframe></body>'
  )
  const { page, thirdParty } = await site.open('/csp', { html, init: VIOLATIONS })
  await bannerShown(page)
  const placeholder = page.locator('keksi-embed').getByRole('group', { name: 'A map' })
  await placeholder.waitFor()
  // Styled by the theme (a border) and sized as the frame was drawn (its 2 px border too) through the CSSOM, which
  // CSP allows.
  const box = await placeholder.boundingBox()
  expect([box?.width, box?.height]).toEqual([404, 304])
  expect(await placeholder.evaluate(group => getComputedStyle(group).borderTopStyle)).toBe('solid')
  // By keyboard: Enter on its focused button loads the frame, this once.
  await placeholder.getByRole('button', { name: 'Load content' }).focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => thirdParty).toEqual(['https://frames.example.org/f'])
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
})
