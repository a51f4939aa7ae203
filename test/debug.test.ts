import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { bannerShown, pageWith, ran, ui, useSite } from './browser.js'

const site = useSite()

/** A page with a gated tag, and a third-party tag the owner forgot to gate. */
const html = (attributes: string, head = '') =>
  pageWith({
    attributes,
    head,
    body: `<script type="text/plain" data-consent="analytics" src="https://stats.example.com/s.js"></script>
      <script src="https://cdn.escaped.example/lib.js"></script>`
  })

/** Records what the page writes to the console, before any of its scripts runs. */
const RECORD = `window.logged = [];
for (const kind of ['info', 'warn', 'group', 'table']) {
  const original = console[kind].bind(console)
  console[kind] = (...args) => {
    window.logged.push(kind + ' ' + args.map(arg => typeof arg === 'string' ? arg : JSON.stringify(arg)).join(' '))
    original(...args)
  }
}`
const logged = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as { logged?: string[] }).logged ?? [])

test('data-debug reports the decision, what is held, what was released, and names the tag that escaped', async () => {
  const { page } = await site.open('/debug', {
    html: html('data-debug data-policy-url="/privacy"'),
    init: RECORD
  })
  await bannerShown(page)
  await expect.poll(() => logged(page)).toContain('group [keksi] debug report')
  const report = await logged(page)
  expect(report).toContain('info decision: none yet (the banner asks)')
  expect(report.find(line => line.startsWith('table'))).toContain(
    '"analytics":{"kind":"category","allowed":false}'
  )
  expect(report).toContain(
    'info held until consent: <script src="https://stats.example.com/s.js"> (analytics)'
  )
  const escaped = report.filter(line => line.startsWith('warn'))
  expect(escaped).toHaveLength(1)
  expect(escaped[0]).toMatch(
    /^warn \[keksi\] debug: https:\/\/cdn\.escaped\.example\/lib\.js \(script\) was fetched at \d+ ms, before the visitor allowed anything\./
  )

  await ui(page).getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => ran(page)).toContain('https://stats.example.com/s.js')
  await expect
    .poll(async () => (await logged(page)).filter(line => line.includes('debug: released')))
    .toEqual([
      expect.stringMatching(
        /^info \[keksi\] debug: released <script src="https:\/\/stats\.example\.com\/s\.js"> \(analytics\) at \d+ ms$/
      )
    ])
  // Fetched once allowed: no warning for the gated tag.
  await page.waitForTimeout(300)
  expect((await logged(page)).filter(line => line.startsWith('warn'))).toHaveLength(1)
})

test('without debug mode there is no report and keksi-debug.js is not fetched; debug: true in the config turns it on', async () => {
  const quiet = await site.open('/quiet', { html: html('data-policy-url="/privacy"'), init: RECORD })
  const fetched: string[] = []
  quiet.page.on('request', request => fetched.push(request.url()))
  await bannerShown(quiet.page)
  await quiet.page.waitForTimeout(500)
  expect(await logged(quiet.page)).toEqual([])
  expect(fetched.filter(url => url.includes('keksi-debug'))).toEqual([])

  const configured = await site.open('/configured', {
    html: html(
      '',
      '<script type="application/json" id="keksi-config">{"policyUrl": "/privacy", "debug": true}</script>'
    ),
    init: RECORD
  })
  await expect.poll(() => logged(configured.page)).toContain('group [keksi] debug report')
  expect(configured.warnings).toEqual([
    expect.stringContaining('https://cdn.escaped.example/lib.js (script) was fetched')
  ])
})
