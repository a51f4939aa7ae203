/**
 * The harness of the browser tests: Debian's Chromium through playwright-core, the repository served on
 * `http://www.keksi.test:<port>` (a host with a parent domain), and every other host intercepted: each request is
 * recorded and answered by a stub, so "nothing loads before consent" is proven from what the page asked for.
 */
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from '../scripts/chromium.mjs'
import { serve } from '../scripts/serve.mjs'

export interface Site {
  /** `http://www.keksi.test:<port>` */
  origin: string
  /** Opens a page in a fresh browser context (its own cookies). */
  open(path: string, options?: OpenOptions): Promise<Visit>
  /** A fresh browser context with these options (a viewport, a device scale factor), for `open`'s `context`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
}

export interface OpenOptions {
  context?: BrowserContext
  /** Runs in the page before any of its scripts. */
  init?: string
  /** Serve this HTML at `path` instead of the file there. */
  html?: string
  /** An origin whose requests really go out (a consent-record receiver the test runs), recorded all the same. */
  through?: string
}

export interface Visit {
  page: Page
  context: BrowserContext
  /** URLs requested from any host other than the test site, in order. */
  thirdParty: string[]
  /** Console messages of type warning or error. */
  warnings: string[]
  /** Uncaught errors in the page. */
  errors: string[]
}

/** A stub answer for a third-party script: it records that it ran. */
const STUB = (url: string): string => `(window.ran = window.ran || []).push(${JSON.stringify(url)})`

/** Starts the server and the browser for one test file; closes both after it. */
export function useSite(): Site {
  let browser: Browser
  let server: Awaited<ReturnType<typeof serve>>
  const pages = new Map<string, string>()
  const site: Site = {
    origin: '',
    async open(path, options = {}) {
      const context = options.context ?? (await browser.newContext())
      const page = await context.newPage()
      const visit: Visit = { page, context, thirdParty: [], warnings: [], errors: [] }
      page.on('console', message => {
        if (message.type() === 'warning' || message.type() === 'error') visit.warnings.push(message.text())
      })
      page.on('pageerror', error => visit.errors.push(error.message))
      await page.route('**/*', route => {
        const url = route.request().url()
        if (url.startsWith(site.origin)) return route.continue()
        visit.thirdParty.push(url)
        if (options.through && url.startsWith(options.through)) return route.continue()
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB(url) })
      })
      if (options.html) pages.set(path, options.html)
      if (options.init) await page.addInitScript(options.init)
      await page.goto(site.origin + path)
      return visit
    },
    newContext: options => browser.newContext(options)
  }
  beforeAll(async () => {
    server = await serve(0, pages)
    site.origin = `http://www.keksi.test:${(server.address() as AddressInfo).port}`
    browser = await launchChromium('keksi.test')
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })
  return site
}

/** The Keksi UI, through its open shadow root. */
export const ui = (page: Page) => page.locator('keksi-root')

/** Resolves when the banner is visible. */
export const bannerShown = (page: Page) =>
  ui(page).locator('.keksi-banner').waitFor({ state: 'visible', timeout: 5000 })

/** A page whose `<head>` holds `head`, then the Keksi tag with these attributes, and `body` as its body. */
export const pageWith = ({
  attributes = '',
  head = '',
  body = ''
}: {
  attributes?: string
  head?: string
  body?: string
}) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<script src="/dist/keksi.js" ${attributes}></script><title>Test</title></head><body>${body}</body></html>`

/** What third-party scripts ran in the page (the stubs record themselves). */
export const ran = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as { ran?: string[] }).ran ?? [])

/** The consent cookie, if any. */
export const consentCookie = async (context: BrowserContext, name = 'keksi') =>
  (await context.cookies()).find(cookie => cookie.name === name)
