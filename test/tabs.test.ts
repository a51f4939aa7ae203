import { expect, test } from 'vitest'
import { bannerShown, ran, ui, useSite } from './browser.js'

const site = useSite()
const GATED = '/test/pages/gated.html'

test('a decision in one tab reaches the other open tab within a second: banner gone, tags run, events fired', async () => {
  const first = await site.open(GATED)
  const second = await site.open(GATED, { context: first.context })
  await bannerShown(first.page)
  await bannerShown(second.page)
  // Each tab notes when the decision is made, or reaches it, on the clock both share: the harness's own delays
  // (clicking, polling) do not count.
  const noteDecision = () =>
    document.addEventListener('keksi:consent', event => {
      const tab = window as { heard?: string; at?: number }
      tab.heard = (event as CustomEvent<{ method: string }>).detail.method
      tab.at = Date.now()
    })
  await first.page.evaluate(noteDecision)
  await second.page.evaluate(noteDecision)
  await ui(first.page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(second.page), { timeout: 5000 }).toHaveLength(2)
  const [decided, reached] = await Promise.all(
    [first.page, second.page].map(page => page.evaluate(() => (window as { at?: number }).at))
  )
  expect((reached as number) - (decided as number)).toBeLessThan(1000)
  await expect.poll(() => ui(second.page).locator('.keksi-banner').count()).toBe(0)
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
