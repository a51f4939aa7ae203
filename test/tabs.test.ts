import { expect, test } from 'vitest'
import { bannerShown, ran, ui, useSite } from './browser.js'

const site = useSite()
const GATED = '/test/pages/gated.html'

test('a decision in one tab reaches the other open tab within a second: banner gone, tags run, events fired', async () => {
  const first = await site.open(GATED)
  const second = await site.open(GATED, { context: first.context })
  await bannerShown(first.page)
  await bannerShown(second.page)
  await second.page.evaluate(() => {
    document.addEventListener('keksi:consent', event => {
      ;(window as { heard?: string }).heard = (event as CustomEvent<{ method: string }>).detail.method
    })
  })
  await ui(first.page).getByRole('button', { name: 'Accept all' }).click()
  const decided = Date.now()
  await expect.poll(() => ran(second.page), { timeout: 1000 }).toHaveLength(2)
  expect(Date.now() - decided).toBeLessThan(1000)
  expect(await ui(second.page).locator('.keksi-banner').count()).toBe(0)
  expect(await second.page.evaluate(() => (window as { heard?: string }).heard)).toBe('accept-all')
  expect(
    await second.page.evaluate(() =>
      (window as { keksi: { accepted(n: string): boolean } }).keksi.accepted('analytics')
    )
  ).toBe(true)
  // Each tab ran the tags once: the news was not sent back and forth.
  await first.page.waitForTimeout(300)
  expect(await ran(first.page)).toHaveLength(2)
  expect(await ran(second.page)).toHaveLength(2)
})

test('a withdrawal in one tab reloads the other, whose scripts had run', async () => {
  const first = await site.open(GATED)
  await bannerShown(first.page)
  await ui(first.page).getByRole('button', { name: 'Accept all' }).click()
  const second = await site.open(GATED, { context: first.context })
  await expect.poll(() => ran(second.page)).toHaveLength(2)
  await second.page.evaluate(() => {
    ;(window as { before?: boolean }).before = true
  })
  await first.page.evaluate(() => (window as unknown as { keksi: { rejectAll(): void } }).keksi.rejectAll())
  // A fresh page: the marker is gone, and nothing ran in it.
  await expect
    .poll(() => second.page.evaluate(() => (window as { before?: boolean }).before ?? false), {
      timeout: 2000
    })
    .toBe(false)
  await second.page.waitForLoadState('load')
  expect(await ran(second.page)).toEqual([])
  expect(await ui(second.page).locator('.keksi-banner').count()).toBe(0)
})
