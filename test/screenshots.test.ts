import { mkdirSync } from 'node:fs'
import { expect, test } from 'vitest'
import { bannerShown, pageWith, ui, useSite } from './browser.js'

const site = useSite()
const OUT = 'docs/screenshots'
const PAGE = pageWith({
  attributes:
    'data-ga4="G-ABC123XYZ" data-hubspot="1234567" data-hotjar="3456789" data-policy-url="/privacy"',
  head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  body: '<main style="font: 16px system-ui; padding: 1rem"><h1>Acme</h1><p>The page behind the banner.</p></main>'
})

// The README's pictures, taken from the real bundle; each run replaces them.
for (const { name, theme, width } of [
  { name: 'light', theme: 'light', width: 1000 },
  { name: 'dark', theme: 'dark', width: 1000 },
  { name: 'narrow', theme: 'light', width: 320 }
]) {
  test(`screenshots of the banner and the preferences: ${name}`, async () => {
    mkdirSync(OUT, { recursive: true })
    const { page } = await site.open(`/shot-${name}`, {
      html: PAGE.replace('data-policy-url', `data-theme="${theme}" data-policy-url`)
    })
    await page.setViewportSize({ width, height: width === 320 ? 640 : 620 })
    await bannerShown(page)
    await page.screenshot({ path: `${OUT}/banner-${name}.png` })
    await ui(page).getByRole('button', { name: 'Settings' }).click()
    await ui(page).getByRole('dialog').waitFor()
    await page.screenshot({ path: `${OUT}/preferences-${name}.png` })
    expect(await ui(page).getByRole('dialog').isVisible()).toBe(true)
  })
}
