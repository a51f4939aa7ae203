import { expect, test } from 'vitest'
import { bannerShown, pageWith, ran, ui, useSite } from './browser.js'

const site = useSite()
const TAG =
  '<script type="text/plain" data-consent="analytics" src="https://stats.example.com/s.js"></script>'

test("hostile page CSS does not break the banner, and Keksi's CSS does not touch the page", async () => {
  const hostile = `<style>
    * { all: unset; } button { display: none !important; } section, dialog { visibility: hidden !important; }
    h2 { font-size: 1px !important; } .keksi-button { color: transparent !important; }
    body { display: block; } p { display: block; }
  </style>`
  const { page } = await site.open('/hostile', {
    html: pageWith({
      attributes: 'data-policy-url="/p"',
      head: hostile,
      body: `<p><button id="own">Page button</button></p>${TAG}`
    })
  })
  await bannerShown(page)
  const accept = ui(page).getByRole('button', { name: 'Accept all' })
  const style = await accept.evaluate(button => {
    const computed = getComputedStyle(button)
    return { display: computed.display, color: computed.color, visibility: computed.visibility }
  })
  expect(style).toEqual({ display: 'block', color: 'rgb(255, 255, 255)', visibility: 'visible' })
  expect(
    await ui(page)
      .locator('h2')
      .evaluate(h2 => getComputedStyle(h2).fontSize)
  ).toBe('18px')
  // The page's own button keeps the page's rule; Keksi's styles stay in its shadow root.
  expect(await page.locator('#own').evaluate(button => getComputedStyle(button).display)).toBe('none')
  await accept.click()
  await expect.poll(() => ran(page)).toEqual(['https://stats.example.com/s.js'])
})

test('a banner inside no form: its buttons never submit a form around the page content', async () => {
  const { page } = await site.open('/form', {
    html: pageWith({
      attributes: 'data-policy-url="/p"',
      body: `<form action="/submitted" method="get"><input name="q" value="x">${TAG}</form>`
    })
  })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  await page.waitForTimeout(300)
  expect(new URL(page.url()).pathname).toBe('/form')
})

test('a window.keksi set by another script is reported and replaced; Keksi works', async () => {
  const visit = await site.open('/global', {
    html: pageWith({
      attributes: 'data-policy-url="/p"',
      head: '<script>window.keksi = { version: 2 }</script>',
      body: TAG
    })
  })
  await bannerShown(visit.page)
  await ui(visit.page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(visit.page)).toEqual(['https://stats.example.com/s.js'])
  await expect
    .poll(() => visit.warnings)
    .toEqual([
      '[keksi] window.keksi: found {"version":2} set by another script, expected nothing or the queue array; Keksi replaces it.'
    ])
})
