/**
 * The visitor's language in real Chromium: detected, fetched alone and only when needed, overridable (README
 * "Languages").
 */
import { expect, test } from 'vitest'
import { bannerShown, pageWith, ui, useSite } from './browser.js'

const site = useSite()

/** A page in `lang`, recording which files of Keksi it fetched. */
const open = async (lang: string, options: { head?: string; locale?: string } = {}) => {
  const html = pageWith({
    attributes: 'data-policy-url="/privacy"',
    ...(options.head ? { head: options.head } : {})
  }).replace('<html lang="en">', lang ? `<html lang="${lang}">` : '<html>')
  const visit = await site.open(`/lang-${lang || 'none'}`, { html })
  const fetched: string[] = []
  visit.page.on('request', request => fetched.push(new URL(request.url()).pathname))
  return { ...visit, fetched }
}

const buttons = (page: Parameters<typeof ui>[0]) => ui(page).locator('.keksi-banner button').allTextContents()

test('a Finnish page gets the banner in Finnish, from the Finnish file alone', async () => {
  const { page } = await open('fi')
  // The first load's own fetch of the file is done before the reload's are counted.
  await bannerShown(page)
  const requests: string[] = []
  page.on('request', request => requests.push(new URL(request.url()).pathname))
  await page.reload()
  await bannerShown(page)
  expect(await ui(page).locator('.keksi-title').textContent()).toBe('Evästeet tällä sivustolla')
  expect(await buttons(page)).toEqual(['Hyväksy kaikki', 'Hylkää kaikki', 'Asetukset'])
  expect(await ui(page).locator('[lang]').first().getAttribute('lang')).toBe('fi')
  expect(requests.filter(path => path.includes('/i18n/'))).toEqual(['/dist/i18n/fi.json'])
  await ui(page).getByRole('button', { name: 'Asetukset' }).click()
  await expect.poll(() => ui(page).locator('.keksi-preferences h2').textContent()).toBe('Evästeasetukset')
  expect(
    await ui(page).getByRole('switch', { name: 'Analytiikka', exact: true }).getAttribute('aria-checked')
  ).toBe('false')
})

test('a Swedish page (sv-FI) gets the banner in Swedish', async () => {
  const { page } = await open('sv-FI')
  await bannerShown(page)
  expect(await buttons(page)).toEqual(['Godkänn alla', 'Avvisa alla', 'Inställningar'])
})

test('English needs no file; a language Keksi does not ship falls back to English', async () => {
  for (const lang of ['en', 'ja']) {
    const { page } = await open(lang)
    const requests: string[] = []
    page.on('request', request => requests.push(new URL(request.url()).pathname))
    await page.reload()
    await bannerShown(page)
    expect(await buttons(page)).toEqual(['Accept all', 'Reject all', 'Settings'])
    expect(requests.filter(path => path.includes('/i18n/'))).toEqual([])
  }
})

test('the owner’s texts for a language win over Keksi’s translation, word by word', async () => {
  const config = { policyUrl: '/privacy', texts: { fi: { title: 'Evästeet Acmella' } } }
  const { page } = await open('fi', {
    head: `<script type="application/json" id="keksi-config">${JSON.stringify(config)}</script>`
  })
  await bannerShown(page)
  expect(await ui(page).locator('.keksi-title').textContent()).toBe('Evästeet Acmella')
  expect(await buttons(page)).toEqual(['Hyväksy kaikki', 'Hylkää kaikki', 'Asetukset'])
})

test('when the language file cannot be fetched, the banner still comes, in English', async () => {
  const { page } = await open('de')
  await page.route('**/i18n/**', route => route.abort())
  await page.reload()
  await bannerShown(page)
  expect(await buttons(page)).toEqual(['Accept all', 'Reject all', 'Settings'])
  expect(await ui(page).locator('[lang]').first().getAttribute('lang')).toBe('en')
})
