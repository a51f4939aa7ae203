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
const RTL = JSON.stringify({
  policyUrl: '/privacy',
  texts: {
    ar: {
      title: 'ملفات تعريف الارتباط على هذا الموقع',
      description: 'نستخدم ملفات تعريف الارتباط الضرورية لتشغيل الموقع، وبموافقتك نستخدم أيضًا أدوات التحليل.',
      acceptAll: 'قبول الكل',
      rejectAll: 'رفض الكل',
      settings: 'الإعدادات',
      policy: 'سياسة الخصوصية',
      preferencesTitle: 'إعدادات ملفات تعريف الارتباط',
      preferencesDescription: 'اختر ما تسمح به. ملفات تعريف الارتباط الضرورية مفعّلة دائمًا.',
      save: 'حفظ الاختيارات',
      close: 'إغلاق',
      alwaysOn: 'مفعّلة دائمًا',
      categories: {
        necessary: { title: 'ضرورية', description: 'لازمة لعمل الموقع ولتذكّر اختيارك.' },
        analytics: { title: 'التحليلات', description: 'تساعدنا على فهم كيفية استخدام الموقع.' },
        embeds: { title: 'المحتوى المضمّن', description: 'مقاطع فيديو ومحتوى من مواقع أخرى.' }
      }
    }
  }
})

for (const { name, theme, width, rtl } of [
  { name: 'light', theme: 'light', width: 1000, rtl: false },
  { name: 'dark', theme: 'dark', width: 1000, rtl: false },
  { name: 'narrow', theme: 'light', width: 320, rtl: false },
  { name: 'rtl', theme: 'light', width: 1000, rtl: true }
]) {
  test(`screenshots of the banner and the preferences: ${name}`, async () => {
    mkdirSync(OUT, { recursive: true })
    let html = PAGE.replace('data-policy-url', `data-theme="${theme}" data-policy-url`)
    // Right to left: an Arabic page, with the owner's Arabic texts (Keksi ships no Arabic).
    if (rtl) {
      html = html
        .replace('<html lang="en">', '<html lang="ar">')
        .replace(
          '<script src',
          `<script type="application/json" id="keksi-config">${RTL}</script><script src`
        )
    }
    const { page } = await site.open(`/shot-${name}`, { html })
    await page.setViewportSize({ width, height: width === 320 ? 640 : 620 })
    await bannerShown(page)
    await page.screenshot({ path: `${OUT}/banner-${name}.png` })
    await ui(page).locator('.keksi-banner button').nth(2).click()
    await ui(page).getByRole('dialog').waitFor()
    await page.screenshot({ path: `${OUT}/preferences-${name}.png` })
    expect(await ui(page).getByRole('dialog').isVisible()).toBe(true)
  })
}

// The other layouts, with the floating button a decided visitor sees.
test('screenshots of the box and the wall layouts, and the floating button', async () => {
  mkdirSync(OUT, { recursive: true })
  for (const layout of ['box', 'wall']) {
    const html = PAGE.replace(
      '<script src',
      `<script type="application/json" id="keksi-config">${JSON.stringify({ layout, floatingButton: true })}</script><script src`
    )
    const { page } = await site.open(`/shot-${layout}`, { html })
    await page.setViewportSize({ width: 1000, height: 620 })
    await bannerShown(page)
    await page.screenshot({ path: `${OUT}/banner-${layout}.png` })
    if (layout === 'box') {
      await ui(page).getByRole('button', { name: 'Reject all' }).click()
      await ui(page).getByRole('button', { name: 'Cookie settings' }).waitFor()
      await page.screenshot({
        path: `${OUT}/floating-button.png`,
        clip: { x: 0, y: 520, width: 320, height: 100 }
      })
    }
  }
})

// A YouTube video held back: its placeholder stands where it will play.
test('screenshot of the placeholder of a video held back', async () => {
  mkdirSync(OUT, { recursive: true })
  const html = PAGE.replace(
    '<p>The page behind the banner.</p>',
    '<iframe data-consent="youtube" data-src="https://www.youtube.com/embed/VIDEO_ID" title="Product demo" width="560" height="315"></iframe>'
  ).replace(
    '<script src',
    '<script type="application/json" id="keksi-config">{ "services": { "youtube": {} } }</script><script src'
  )
  const { page, thirdParty } = await site.open('/shot-embed', { html })
  await page.setViewportSize({ width: 640, height: 480 })
  await bannerShown(page)
  await ui(page).getByRole('button', { name: 'Reject all' }).click()
  const placeholder = page.locator('keksi-embed')
  await placeholder.getByRole('group', { name: 'Product demo' }).waitFor()
  await placeholder.screenshot({ path: `${OUT}/placeholder.png` })
  expect(thirdParty).toEqual([])
})
