// `npm run bench`: Keksi, vanilla-cookieconsent, Klaro and the floor (the least hand-written code that does the job)
// on the same page in real Chromium (Debian's, through playwright-core), interleaved over ROUNDS rounds, unthrottled
// and at 4× CPU throttling. It writes docs/bench.md (the table, with the ratios Keksi/peer and Keksi/floor),
// docs/bench.svg (a bar chart) and docs/profile.md (where a Keksi page view spends its main-thread time, from CDP
// CPU profiles named through dist/'s source maps), and prints the table. A benchmark, not a test: nothing here fails
// on a timing. Each view runs twice: through Playwright for every figure, then again with DevTools quiet
// (`bench/quiet.mjs`) for the script and main-thread time and the heap of a page as a visitor's browser runs it.
//
// Environment: BENCH_ROUNDS (default 15), BENCH_WARMUP (discarded rounds, default 1), BENCH_SETTLE_MS (quiet time
// after the banner or the tag before the metrics are read, default 250, multiplied by the throttling rate),
// BENCH_TIME_DOMAIN (threadTicks, the default, or timeTicks; see TIME_DOMAIN), BENCH_JSON (a path: also write every
// run's raw figures there), BENCH_PROFILE (profiled Keksi page views per view and rate, default 10; 0: no profile),
// CHROMIUM_PATH (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { arch, cpus, loadavg, totalmem } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants } from 'node:zlib'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import { launchChromium } from '../scripts/chromium.mjs'
import { launchQuiet } from './quiet.mjs'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const ROUNDS = positive(process.env.BENCH_ROUNDS, 15)
const WARMUP = positive(process.env.BENCH_WARMUP, 1, true)
const SETTLE_MS = positive(process.env.BENCH_SETTLE_MS, 250)
const PROFILES = positive(process.env.BENCH_PROFILE, 10, true)
/**
 * How CDP times durations: `threadTicks` (default) is the main thread's CPU time, so time the OS gives to other
 * processes on a busy machine is not counted; `timeTicks` is wall-clock time spent in tasks.
 * @type {'threadTicks' | 'timeTicks'}
 */
const TIME_DOMAIN = process.env.BENCH_TIME_DOMAIN === 'timeTicks' ? 'timeTicks' : 'threadTicks'
/** CPU throttling rates, each a pass of every round. */
const RATES = [1, 4]
/** Only these folders are served: what the pages need, nothing else of the repository. */
const SERVED = [
  '/dist/',
  '/bench/pages/',
  '/node_modules/vanilla-cookieconsent/dist/',
  '/node_modules/klaro/dist/'
]
/** The gated analytics tag: its stub records when it ran, on the page's clock. */
const TAG_URL = 'https://analytics.bench.test/tag.js'
const TAG_STUB = [
  'self.__benchTagRuns = (self.__benchTagRuns || 0) + 1',
  'if (self.__benchTag === undefined) self.__benchTag = performance.now()',
  "dispatchEvent(new Event('bench:tag'))"
].join('\n')

/**
 * A page view: a first view answered with "Accept all", and a return view after each answer ("Reject all" gives
 * the refused one).
 * @typedef {'first' | 'return' | 'refused'} View
 */

/**
 * @typedef {object} Contestant
 * @property {string} id
 * @property {string} name
 * @property {string} page  path of the first view (and, with the consent cookie, of the return view)
 * @property {string} [returnPage]  the control's return-view page, when it differs
 * @property {string} [host]  an element whose open shadow root holds the banner
 * @property {string} [banner]  the banner, inside `host`'s shadow root when there is a host
 * @property {string} [placeholderHost]  an element whose open shadow root holds the placeholder
 * @property {string} [placeholder]  what the tool draws for the held-back video, when it draws anything
 */

/** @type {Contestant} */
const CONTROL = {
  id: 'control',
  name: 'no tool (control)',
  page: '/bench/pages/blank.html',
  returnPage: '/bench/pages/allowed.html'
}
/** @type {Contestant[]} */
const CONTESTANTS = [
  // The banner is a <section> in the open shadow root of <keksi-root>.
  {
    id: 'keksi',
    name: 'Keksi',
    page: '/bench/pages/keksi.html',
    host: 'keksi-root',
    banner: '.keksi-banner',
    placeholderHost: 'keksi-embed',
    placeholder: '.keksi-embed'
  },
  // The consent modal, configured as a bottom bar: div.cm inside div#cc-main (appended to <body>). It draws nothing
  // for a held-back video.
  {
    id: 'vanilla',
    name: 'vanilla-cookieconsent',
    page: '/bench/pages/vanilla.html',
    banner: '#cc-main .cm'
  },
  // The consent notice (not the contextual notice Klaro puts over the blocked video): div.cookie-notice inside
  // div#klaro (appended to <body>).
  {
    id: 'klaro',
    name: 'Klaro',
    page: '/bench/pages/klaro.html',
    banner: '#klaro .cookie-notice',
    placeholder: '.context-notice'
  },
  // bench/pages/floor.js: a plain bar with two buttons, a plain line and button by a refused video.
  {
    id: 'floor',
    name: 'floor',
    page: '/bench/pages/floor.html',
    banner: '#floor-bar',
    placeholder: '.floor-placeholder'
  }
]

/**
 * @typedef {object} Run  one page view's figures; times in ms, sizes in bytes
 * @property {string} contestant
 * @property {View} view
 * @property {number} rate
 * @property {number} round
 * @property {boolean} ok  every functional check passed and every figure was taken
 * @property {string[]} problems
 * @property {number | undefined} [br]  brotli-11 bytes of every response but the document
 * @property {number | undefined} [raw]
 * @property {number | undefined} [files]
 * @property {number | undefined} [documentBr]
 * @property {number | undefined} [script]  CDP ScriptDuration, in a view with DevTools quiet (`bench/quiet.mjs`)
 * @property {number | undefined} [task]  CDP TaskDuration (all main-thread tasks), the same view
 * @property {number | undefined} [inspectedScript]  CDP ScriptDuration in the Playwright view (Runtime domain on)
 * @property {number | undefined} [inspectedTask]  CDP TaskDuration in the Playwright view
 * @property {number | undefined} [heap]  CDP JSHeapUsedSize after a forced garbage collection, in the quiet view
 * @property {number | undefined} [visible]  navigation → banner visible (first view), placeholder visible (refused)
 * @property {number | undefined} [cls]
 * @property {number | undefined} [acceptToTag]  click on Accept all → the tag ran
 * @property {number | undefined} [tag]  navigation → the tag ran (return view)
 */

/**
 * What the init script leaves in the page.
 * @typedef {object} PageState
 * @property {number} cls
 * @property {number | undefined} inserted  when the banner (placeholder) was first seen in the page
 * @property {number | undefined} visible
 * @property {number | undefined} click
 * @property {number | undefined} tag
 * @property {number} tagRuns
 * @property {boolean} frameLoaded
 */

// ---------------------------------------------------------------------------------------------------------------
// The server: static files, no compression, no caching. Each response is logged with its size as served and
// brotli-11, to count what a browser would download from a CDN that compresses.

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8'
}
/** @type {Map<string, { body: Buffer, br: number }>} */
const files = new Map()
/** @type {{ path: string, raw: number, br: number }[]} */
let served = []

/**
 * @param {string} path
 * @returns {Promise<{ body: Buffer, br: number } | undefined>}
 */
async function file(path) {
  const known = files.get(path)
  if (known) return known
  const full = normalize(join(ROOT, path))
  if (!full.startsWith(ROOT) || !SERVED.some(folder => path.startsWith(folder))) return undefined
  try {
    const body = await readFile(full)
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: extname(path) === '.html' ? constants.BROTLI_MODE_TEXT : 0
      }
    }).length
    const entry = { body, br }
    files.set(path, entry)
    return entry
  } catch {
    return undefined
  }
}

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
  const entry = await file(path)
  if (!entry && path === '/favicon.ico') {
    response.writeHead(404).end()
    return
  }
  if (!entry) {
    served.push({ path: `404 ${path}`, raw: 0, br: 0 })
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  served.push({ path, raw: entry.body.length, br: entry.br })
  response
    .writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store'
    })
    .end(entry.body)
})

// ---------------------------------------------------------------------------------------------------------------
// In the page, before its own scripts: layout shifts, the first click, and the first frame in which the banner is
// visible. A MutationObserver starts a requestAnimationFrame poll only while the DOM changes (a few frames after
// each change) or while the banner exists but is not visible yet, so pages without a banner pay almost nothing.
// The harness waits on two promises (banner visible, tag ran) rather than polling the page from outside.
//
// The time taken is performance.now() once the visibility check has passed inside the frame's callback: the frame's
// style and layout that place the banner are done by then. Not the callback's argument: Chromium gives it the time
// the frame was begun, which can be long before the callback runs when a long task holds the main thread, so a
// banner built in that task would be timed before it was in the page (Klaro's by 150 ms at 1×, 780 ms at 4×).

/** @param {{ host: string | null, banner: string | null }} spec */
function init(spec) {
  if (window.top !== window) return
  /** @type {PageState} */
  const state = {
    cls: 0,
    inserted: undefined,
    visible: undefined,
    click: undefined,
    tag: undefined,
    tagRuns: 0,
    frameLoaded: false
  }
  Object.defineProperty(window, '__bench', { value: state })
  Object.defineProperty(window, '__benchTagRan', {
    value: new Promise(resolve => addEventListener('bench:tag', () => resolve(undefined), { once: true }))
  })
  /** @type {(time: number) => void} */
  let seen = () => {}
  Object.defineProperty(window, '__benchVisible', { value: new Promise(resolve => (seen = resolve)) })
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {PerformanceEntry & { value: number, hadRecentInput: boolean }} */ (entry)
      if (!shift.hadRecentInput) state.cls += shift.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
  addEventListener(
    'click',
    event => {
      if (state.click === undefined) state.click = event.timeStamp
    },
    true
  )
  if (!spec.banner) return
  const banner = spec.banner
  const options = { childList: true, subtree: true, attributes: true }
  const observed = new WeakSet()
  let framesLeft = 0
  let scheduled = false
  const find = () => {
    if (!spec.host) return document.querySelector(banner)
    const root = document.querySelector(spec.host)?.shadowRoot
    if (!root) return null
    if (!observed.has(root)) {
      observed.add(root)
      observer.observe(root, options)
    }
    return root.querySelector(banner)
  }
  /** @param {Element} element */
  const isVisible = element => {
    const box = element.getBoundingClientRect()
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.top < innerHeight &&
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    )
  }
  const frame = () => {
    scheduled = false
    if (state.visible !== undefined) return
    const element = find()
    if (element && isVisible(element)) {
      const now = performance.now()
      state.visible = now
      seen(now)
      observer.disconnect()
      return
    }
    framesLeft -= 1
    if ((element || framesLeft > 0) && performance.now() < 30000) schedule()
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(frame)
  }
  const observer = new MutationObserver(() => {
    if (state.inserted === undefined && find()) state.inserted = performance.now()
    framesLeft = 10
    schedule()
  })
  observer.observe(document, options)
}

/**
 * Resolves when the init script's promise `name` does; rejects after 20 s.
 * @param {string} name
 */
function settled(name) {
  const promise = /** @type {Promise<unknown>} */ (/** @type {any} */ (window)[name])
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out on ${name}`)), 20000)
  })
  return Promise.race([promise, timeout]).then(() => {
    clearTimeout(timer)
    return true
  })
}

/**
 * Whether an element is in the page with a box: the banner, or the placeholder, of a contestant.
 * @param {{ host: string | undefined, selector: string | undefined }} where
 */
function shown(where) {
  const root = where.host ? document.querySelector(where.host)?.shadowRoot : document
  const element = where.selector ? root?.querySelector(where.selector) : null
  return Boolean(element && element.getBoundingClientRect().height > 0)
}

/** @returns {PageState} */
function readState() {
  const state = /** @type {PageState} */ (/** @type {any} */ (window).__bench)
  const page = /** @type {any} */ (window)
  // Klaro gives the held-back iframe an empty src (and hides it): only the video's own URL counts as released.
  const frameLoaded = [...document.querySelectorAll('iframe')].some(frame =>
    frame.getAttribute('src')?.startsWith('https://www.youtube-nocookie.com/')
  )
  return { ...state, tag: page.__benchTag, tagRuns: page.__benchTagRuns ?? 0, frameLoaded }
}

// ---------------------------------------------------------------------------------------------------------------
// One page view.

/** @type {import('playwright-core').Browser} */
let browser
let origin = ''

/**
 * What the init script watches for: the banner on a first view, the placeholder on a refused return view.
 * @param {Contestant} contestant
 * @param {View} view
 * @returns {{ host: string | undefined, selector: string | undefined }}
 */
function watchedIn(contestant, view) {
  if (view === 'first') return { host: contestant.host, selector: contestant.banner }
  if (view === 'refused') return { host: contestant.placeholderHost, selector: contestant.placeholder }
  return { host: undefined, selector: undefined }
}

/**
 * The init script's promise that ends a view: the banner or placeholder visible, or on a return view the tag run;
 * `undefined` when there is nothing to wait for (the control's first and refused views).
 * @param {{ selector: string | undefined }} watched
 * @param {View} view
 */
const awaitedIn = (watched, view) =>
  watched.selector ? '__benchVisible' : view === 'return' ? '__benchTagRan' : undefined

/**
 * The page of a view: the control's return view has a page of its own.
 * @param {Contestant} contestant
 * @param {View} view
 */
const pageOf = (contestant, view) =>
  view === 'return' && contestant.returnPage ? contestant.returnPage : contestant.page

/**
 * The bench's answer to a third-party request: the tag's stub, an empty page for the video, an empty 204 for the rest.
 * @param {string} url
 * @returns {{ status: number, type?: string, body?: string }}
 */
function stub(url) {
  if (url === TAG_URL) return { status: 200, type: 'text/javascript', body: TAG_STUB }
  if (url.startsWith('https://www.youtube-nocookie.com/'))
    return { status: 200, type: 'text/html', body: '<!doctype html><title>Video</title>' }
  return { status: 204 }
}

/**
 * @param {Contestant} contestant
 * @param {View} view
 * @param {number} rate
 * @param {number} round
 * @param {import('playwright-core').Cookie[]} cookies
 * @returns {Promise<{ run: Run, cookies: import('playwright-core').Cookie[] }>}
 */
async function visit(contestant, view, rate, round, cookies = []) {
  /** @type {Run} */
  const run = { contestant: contestant.id, view, rate, round, ok: false, problems: [] }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  /** @type {string[]} */
  const thirdParty = []
  try {
    if (cookies.length) await context.addCookies(cookies)
    await context.route(
      url => !url.href.startsWith(origin),
      route => {
        const url = route.request().url()
        thirdParty.push(url)
        const { status, type, body } = stub(url)
        return route.fulfill({ status, contentType: type, body })
      }
    )
    const page = await context.newPage()
    const errors = /** @type {string[]} */ ([])
    page.on('pageerror', error => errors.push(error.message))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: TIME_DOMAIN })
    if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    const watched = watchedIn(contestant, view)
    await page.addInitScript(init, { host: watched.host ?? null, banner: watched.selector ?? null })
    const path = pageOf(contestant, view)
    served = []
    await page.goto(origin + path, { waitUntil: 'load', timeout: 30000 })
    // Every view evaluates in the page before the metrics, so Playwright's small helper script costs each the same.
    const awaited = awaitedIn(watched, view)
    if (awaited) await page.evaluate(settled, awaited)
    else await page.evaluate(() => document.readyState)
    await page.waitForTimeout(SETTLE_MS * rate)

    const metrics = await getMetrics(cdp)
    run.inspectedScript = (metrics.ScriptDuration ?? Number.NaN) * 1000
    run.inspectedTask = (metrics.TaskDuration ?? Number.NaN) * 1000
    const fetched = served.filter(entry => entry.path !== path)
    run.files = fetched.length
    run.raw = sum(fetched.map(entry => entry.raw))
    run.br = sum(fetched.map(entry => entry.br))
    run.documentBr = served.find(entry => entry.path === path)?.br ?? 0
    if (served.some(entry => entry.path.startsWith('404 '))) run.problems.push('a file was not found')
    const state = await page.evaluate(readState)
    run.cls = state.cls

    // A clock check: nothing can be visible before it is in the page.
    if (state.visible !== undefined && state.inserted !== undefined && state.visible < state.inserted)
      run.problems.push('the banner or placeholder was timed before it was in the page')

    if (view === 'first') {
      if (watched.selector) run.visible = state.visible
      if (thirdParty.length) run.problems.push(`requested before consent: ${thirdParty.join(', ')}`)
      if (state.tag !== undefined) run.problems.push('the tag ran before consent')
      if (state.frameLoaded) run.problems.push('the video got its src before consent')
      if (watched.selector) {
        await answer(page, contestant, 'Accept all')
        await page.evaluate(settled, '__benchTagRan')
        const after = await page.evaluate(readState)
        if (after.click === undefined || after.tag === undefined) run.problems.push('no click or no tag')
        else run.acceptToTag = after.tag - after.click
        await page.waitForTimeout(50 * rate)
        const final = await page.evaluate(readState)
        if (final.tagRuns !== 1) run.problems.push(`the tag ran ${final.tagRuns} times`)
        if (!final.frameLoaded) run.problems.push('the video was not released')
      }
    } else {
      if (await page.evaluate(shown, { host: contestant.host, selector: contestant.banner }))
        run.problems.push('a banner was shown on a return view')
      if (view === 'return') {
        run.tag = state.tag
        if (state.tagRuns !== 1) run.problems.push(`the tag ran ${state.tagRuns} times`)
        if (!state.frameLoaded) run.problems.push('the video was not released')
      } else {
        if (watched.selector) run.visible = state.visible
        if (thirdParty.length) run.problems.push(`requested though refused: ${thirdParty.join(', ')}`)
        if (state.tagRuns) run.problems.push('the tag ran though refused')
        if (state.frameLoaded) run.problems.push('the video got its src though refused')
      }
    }
    if (errors.length) run.problems.push(`page errors: ${errors.join('; ')}`)
    run.ok = run.problems.length === 0
    return { run, cookies: await context.cookies() }
  } catch (error) {
    run.problems.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error))
    return { run, cookies: [] }
  } finally {
    await context.close()
  }
}

/** @type {import('./quiet.mjs').Quiet} */
let quiet

/**
 * The same view again with DevTools quiet (`bench/quiet.mjs`), for its script evaluation, main-thread time and heap:
 * what a visitor's browser spends. The same page, cookies, stubs and watcher as `visit`, and the same checks of what it
 * did; a failed check marks the run.
 * @param {Run} run  the Playwright view's run, which gets the times
 * @param {Contestant} contestant
 * @param {import('playwright-core').Cookie[]} cookies
 * @param {{ profile?: boolean }} [options]  profile: record a CDP CPU profile of the view (and so slow it down)
 * @returns {Promise<CpuProfile | undefined>}
 */
async function visitQuietly(run, contestant, cookies, options = {}) {
  const { view, rate } = run
  const watched = watchedIn(contestant, view)
  const spec = { host: watched.host ?? null, banner: watched.selector ?? null }
  try {
    const { script, task, heap, state, profile } = await quiet.visit({
      url: origin + pageOf(contestant, view),
      cookies,
      rate,
      timeDomain: TIME_DOMAIN,
      setup: `(${init})(${JSON.stringify(spec)})`,
      ready: awaitedIn(watched, view)
        ? `(${settled})(${JSON.stringify(awaitedIn(watched, view))})`
        : 'document.readyState',
      state: `(${readState})()`,
      settle: SETTLE_MS * rate,
      ...(options.profile && { profile: 50 }),
      answer: url => (url.startsWith(origin) ? undefined : stub(url))
    })
    const left = /** @type {PageState} */ (state)
    const released = view === 'return' || (view === 'first' && !watched.selector)
    if (watched.selector && left.visible === undefined)
      run.problems.push('quiet view: nothing became visible')
    if (view === 'return' && (left.tagRuns !== 1 || !left.frameLoaded))
      run.problems.push('quiet view: the tag or the video was not released')
    if (!released && (left.tagRuns || left.frameLoaded))
      run.problems.push('quiet view: released before consent')
    run.script = script
    run.task = task
    run.heap = heap
    run.ok = run.problems.length === 0
    return /** @type {CpuProfile | undefined} */ (profile)
  } catch (error) {
    run.problems.push(`quiet view: ${error instanceof Error ? error.message : String(error)}`)
    run.ok = false
    return undefined
  }
}

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<Record<string, number>>}
 */
async function getMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(metrics.map(metric => [metric.name, metric.value]))
}

/**
 * Clicks one of the banner's buttons as a visitor would (real input events through Playwright).
 * @param {import('playwright-core').Page} page
 * @param {Contestant} contestant
 * @param {'Accept all' | 'Reject all'} name
 */
async function answer(page, contestant, name) {
  const scope = contestant.host
    ? page.locator(contestant.host).locator(contestant.banner ?? '')
    : page.locator(contestant.banner ?? '')
  await scope.getByRole('button', { name, exact: true }).click({ timeout: 20000 })
}

/**
 * The cookies a visitor who answered "Reject all" comes back with: one first view per contestant before the rounds,
 * not counted, its cookies reused by every refused return view (each in a fresh context, as every view is).
 * @param {Contestant} contestant
 * @returns {Promise<import('playwright-core').Cookie[]>}
 */
async function refusedCookies(contestant) {
  if (contestant === CONTROL) return []
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    await context.route(
      url => !url.href.startsWith(origin),
      route => route.fulfill({ status: 204 })
    )
    const page = await context.newPage()
    await page.goto(origin + contestant.page, { waitUntil: 'load', timeout: 30000 })
    await answer(page, contestant, 'Reject all')
    await page.waitForTimeout(200)
    return await context.cookies()
  } finally {
    await context.close()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting.

/** @param {number[]} values */
function sum(values) {
  return values.reduce((total, value) => total + value, 0)
}

/**
 * @param {number[]} values
 * @returns {{ median: number, min: number, max: number, n: number } | undefined}
 */
function stats(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  const n = sorted.length
  if (!n) return undefined
  const middle = Math.floor(n / 2)
  const median =
    n % 2 ? /** @type {number} */ (sorted[middle]) : (Number(sorted[middle - 1]) + Number(sorted[middle])) / 2
  return { median, min: Number(sorted[0]), max: Number(sorted[n - 1]), n }
}

/**
 * @param {number} value
 * @param {number} [digits] fixed decimals; by default fewer as the value grows
 */
function number(value, digits) {
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2)
  const text = value.toFixed(places)
  return text.startsWith('-') ? `−${text.slice(1)}` : text
}

/**
 * @typedef {object} Metric
 * @property {string} key
 * @property {string} label
 * @property {View} view
 * @property {(run: Run) => number | undefined} pick
 * @property {number} [digits]
 * @property {boolean} [delta]  reported as the difference to the control's median in the same mode
 * @property {boolean} [anyRate]  the same at every throttling rate (sizes): one row for both
 * @property {boolean} [noControl]  the control has no value of its own
 */

const KIB = 1024
/** @type {Metric[]} */
const METRICS = [
  {
    key: 'br1',
    label: 'First view: downloaded, KiB (brotli 11)',
    view: 'first',
    pick: run => kib(run.br),
    anyRate: true
  },
  {
    key: 'raw1',
    label: 'First view: downloaded, KiB (as served)',
    view: 'first',
    pick: run => kib(run.raw),
    anyRate: true
  },
  {
    key: 'files1',
    label: 'First view: files',
    view: 'first',
    pick: run => run.files,
    digits: 0,
    anyRate: true
  },
  {
    key: 'br2',
    label: 'Return view: downloaded, KiB (brotli 11)',
    view: 'return',
    pick: run => kib(run.br),
    anyRate: true
  },
  {
    key: 'raw2',
    label: 'Return view: downloaded, KiB (as served)',
    view: 'return',
    pick: run => kib(run.raw),
    anyRate: true
  },
  {
    key: 'files2',
    label: 'Return view: files',
    view: 'return',
    pick: run => run.files,
    digits: 0,
    anyRate: true
  },
  {
    key: 'br3',
    label: 'Return view, refused: downloaded, KiB (brotli 11)',
    view: 'refused',
    pick: run => kib(run.br),
    anyRate: true
  },
  {
    key: 'files3',
    label: 'Return view, refused: files',
    view: 'refused',
    pick: run => run.files,
    digits: 0,
    anyRate: true
  },
  {
    key: 'script1',
    label: 'First view: script evaluation, ms (Δ control)',
    view: 'first',
    pick: run => run.script,
    delta: true
  },
  {
    key: 'task1',
    label: 'First view: main-thread time, ms (Δ control)',
    view: 'first',
    pick: run => run.task,
    delta: true
  },
  {
    key: 'inspectedScript1',
    label: 'First view: script evaluation, DevTools Runtime on, ms (Δ control)',
    view: 'first',
    pick: run => run.inspectedScript,
    delta: true
  },
  {
    key: 'inspectedTask1',
    label: 'First view: main-thread time, DevTools Runtime on, ms (Δ control)',
    view: 'first',
    pick: run => run.inspectedTask,
    delta: true
  },
  {
    key: 'visible',
    label: 'First view: navigation → banner visible, ms',
    view: 'first',
    pick: run => run.visible,
    noControl: true
  },
  { key: 'cls1', label: 'First view: layout shift (CLS)', view: 'first', pick: run => run.cls, digits: 3 },
  {
    key: 'accept',
    label: 'First view: Accept all → analytics tag ran, ms',
    view: 'first',
    pick: run => run.acceptToTag,
    noControl: true
  },
  {
    key: 'heap1',
    label: 'First view: JS heap after GC, KiB (Δ control)',
    view: 'first',
    pick: run => kib(run.heap),
    delta: true,
    digits: 0
  },
  {
    key: 'script2',
    label: 'Return view: script evaluation, ms (Δ control)',
    view: 'return',
    pick: run => run.script,
    delta: true
  },
  {
    key: 'task2',
    label: 'Return view: main-thread time, ms (Δ control)',
    view: 'return',
    pick: run => run.task,
    delta: true
  },
  {
    key: 'inspectedScript2',
    label: 'Return view: script evaluation, DevTools Runtime on, ms (Δ control)',
    view: 'return',
    pick: run => run.inspectedScript,
    delta: true
  },
  {
    key: 'inspectedTask2',
    label: 'Return view: main-thread time, DevTools Runtime on, ms (Δ control)',
    view: 'return',
    pick: run => run.inspectedTask,
    delta: true
  },
  {
    key: 'tag2',
    label: 'Return view: navigation → analytics tag ran, ms',
    view: 'return',
    pick: run => run.tag
  },
  { key: 'cls2', label: 'Return view: layout shift (CLS)', view: 'return', pick: run => run.cls, digits: 3 },
  {
    key: 'heap2',
    label: 'Return view: JS heap after GC, KiB (Δ control)',
    view: 'return',
    pick: run => kib(run.heap),
    delta: true,
    digits: 0
  },
  {
    key: 'script3',
    label: 'Return view, refused: script evaluation, ms (Δ control)',
    view: 'refused',
    pick: run => run.script,
    delta: true
  },
  {
    key: 'task3',
    label: 'Return view, refused: main-thread time, ms (Δ control)',
    view: 'refused',
    pick: run => run.task,
    delta: true
  },
  {
    key: 'inspectedScript3',
    label: 'Return view, refused: script evaluation, DevTools Runtime on, ms (Δ control)',
    view: 'refused',
    pick: run => run.inspectedScript,
    delta: true
  },
  {
    key: 'inspectedTask3',
    label: 'Return view, refused: main-thread time, DevTools Runtime on, ms (Δ control)',
    view: 'refused',
    pick: run => run.inspectedTask,
    delta: true
  },
  {
    key: 'placeholder',
    label: 'Return view, refused: navigation → video placeholder visible, ms',
    view: 'refused',
    pick: run => run.visible,
    noControl: true
  },
  {
    key: 'cls3',
    label: 'Return view, refused: layout shift (CLS)',
    view: 'refused',
    pick: run => run.cls,
    digits: 3
  },
  {
    key: 'heap3',
    label: 'Return view, refused: JS heap after GC, KiB (Δ control)',
    view: 'refused',
    pick: run => kib(run.heap),
    delta: true,
    digits: 0
  }
]

/** @param {number | undefined} bytes */
function kib(bytes) {
  return bytes === undefined ? undefined : bytes / KIB
}

/**
 * The median and range of one metric for one contestant and rate, over its good runs.
 * @param {Run[]} runs
 * @param {Metric} metric
 * @param {string} contestant
 * @param {number | undefined} rate  undefined: every rate
 * @returns {ReturnType<typeof stats>}
 */
function summarise(runs, metric, contestant, rate) {
  const mine = runs.filter(
    run =>
      run.ok &&
      run.contestant === contestant &&
      run.view === metric.view &&
      (rate === undefined || run.rate === rate)
  )
  /** @type {number[]} */
  const values = []
  for (const run of mine) {
    const value = metric.pick(run)
    if (value !== undefined) values.push(value)
  }
  if (!metric.delta || contestant === CONTROL.id) return stats(values)
  const base = summarise(runs, { ...metric, delta: false }, CONTROL.id, rate)
  if (!base) return undefined
  return stats(values.map(value => value - base.median))
}

// ---------------------------------------------------------------------------------------------------------------
// The whole benchmark.

async function main() {
  await new Promise(done => server.listen(0, '127.0.0.1', () => done(undefined)))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the server has no port')
  origin = `http://www.bench.test:${address.port}`
  browser = await launchChromium('bench.test')
  quiet = launchQuiet('bench.test')
  const started = new Date()
  const keksi = keksiVersion()
  const loadBefore = loadavg()
  /** @type {Run[]} */
  const runs = []
  const everyone = [CONTROL, ...CONTESTANTS]
  const total = WARMUP + ROUNDS
  /** @type {Map<string, import('playwright-core').Cookie[]>} */
  const refused = new Map()
  for (const contestant of everyone) refused.set(contestant.id, await refusedCookies(contestant))
  console.log(
    `Keksi bench: ${ROUNDS} rounds (+${WARMUP} warm-up) × ${everyone.length} pages × rates ${RATES.join(', ')} in ${browser.version()}`
  )
  for (let round = 0; round < total; round += 1) {
    const clock = Date.now()
    for (const rate of RATES) {
      // Round-robin, rotated each round so that no contestant always runs first or right after the control.
      const shift = round % everyone.length
      const order = [...everyone.slice(shift), ...everyone.slice(0, shift)]
      for (const contestant of order) {
        const first = await visit(contestant, 'first', rate, round - WARMUP)
        const second = await visit(contestant, 'return', rate, round - WARMUP, first.cookies)
        const third = await visit(contestant, 'refused', rate, round - WARMUP, refused.get(contestant.id))
        await visitQuietly(first.run, contestant, [])
        await visitQuietly(second.run, contestant, first.cookies)
        await visitQuietly(third.run, contestant, refused.get(contestant.id) ?? [])
        if (round < WARMUP) continue
        for (const run of [first.run, second.run, third.run]) {
          runs.push(run)
          if (!run.ok)
            console.warn(`  ${run.contestant} ${run.view} view ×${rate}: ${run.problems.join('; ')}`)
        }
      }
    }
    const label = round < WARMUP ? `warm-up ${round + 1}/${WARMUP}` : `round ${round - WARMUP + 1}/${ROUNDS}`
    console.log(`${label} (${((Date.now() - clock) / 1000).toFixed(1)} s)`)
  }
  const finished = new Date()
  const loadAfter = loadavg()
  const chromiumVersion = browser.version()
  const profiled = PROFILES ? await profiles(refused) : undefined
  await browser.close()
  quiet.close()
  server.close()

  const markdown = report(runs, {
    started,
    finished,
    loadBefore,
    loadAfter,
    chromiumVersion,
    keksi
  })
  await mkdir(join(ROOT, 'docs'), { recursive: true })
  writeFileSync(join(ROOT, 'docs/bench.md'), markdown)
  writeFileSync(join(ROOT, 'docs/bench.svg'), chart(runs))
  if (profiled) writeFileSync(join(ROOT, 'docs/profile.md'), profileReport(profiled, chromiumVersion))
  if (process.env.BENCH_JSON)
    writeFileSync(resolve(process.env.BENCH_JSON), `${JSON.stringify(runs, null, 2)}\n`)
  console.log(`\n${markdown}`)
  console.log(`Wrote docs/bench.md, docs/bench.svg${profiled ? ' and docs/profile.md' : ''}`)
}

/**
 * @param {string} name
 * @returns {string}
 */
function versionOf(name) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))
  return String(manifest.version)
}

function keksiVersion() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  let commit = 'unknown commit'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'themes'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    if (dirty.trim()) commit += ', with uncommitted changes in src/ or themes/'
  } catch {
    // Not a git checkout (a package tarball): the version alone says enough.
  }
  return `keksi@${manifest.version} (\`dist/\` as it was when the bench started, HEAD ${commit})`
}

/**
 * @param {Run[]} runs
 * @param {{ started: Date, finished: Date, loadBefore: number[], loadAfter: number[], chromiumVersion: string, keksi: string }} about
 */
function report(runs, about) {
  const everyone = [CONTROL, ...CONTESTANTS]
  const [keksi, vanilla, klaro, floor] = CONTESTANTS
  if (!keksi || !vanilla || !klaro || !floor) throw new Error('four contestants expected')
  /** @param {ReturnType<typeof stats>} value @param {Metric} metric @param {boolean} delta */
  const cell = (value, metric, delta) => {
    if (!value) return '—'
    const sign = delta && value.median > 0 ? '+' : ''
    const main = `${sign}${number(value.median, metric.digits)}`
    if (value.min === value.max) return main
    return `${main} (${number(value.min, metric.digits)}–${number(value.max, metric.digits)})`
  }
  /** @param {ReturnType<typeof stats>} mine @param {ReturnType<typeof stats>} theirs */
  const ratio = (mine, theirs) => {
    if (!mine || !theirs || theirs.median <= 0 || mine.median < 0) return '—'
    return `${number(mine.median / theirs.median, 2)}×`
  }
  /** @type {string[][]} */
  const rows = []
  const ordered = [...METRICS.filter(metric => metric.anyRate)]
  for (const metric of METRICS)
    if (!metric.anyRate) for (const rate of RATES) ordered.push({ ...metric, key: `${metric.key}@${rate}` })
  for (const metric of ordered) {
    const rate = metric.anyRate ? undefined : Number(metric.key.split('@')[1])
    const cells = everyone.map(contestant => {
      if (contestant === CONTROL && metric.noControl) return '—'
      const value = summarise(runs, metric, contestant.id, rate)
      if (contestant === CONTROL && metric.delta)
        return value ? `${number(value.median, metric.digits)} (base)` : '—'
      return cell(value, metric, Boolean(metric.delta))
    })
    const mine = summarise(runs, metric, keksi.id, rate)
    rows.push([
      metric.label,
      rate === undefined ? 'any' : `${rate}×`,
      ...cells,
      ratio(mine, summarise(runs, metric, vanilla.id, rate)),
      ratio(mine, summarise(runs, metric, klaro.id, rate)),
      ratio(mine, summarise(runs, metric, floor.id, rate))
    ])
  }
  const good = everyone
    .map(contestant => {
      const mine = runs.filter(run => run.contestant === contestant.id)
      return `${contestant.name} ${mine.filter(run => run.ok).length}/${mine.length}`
    })
    .join(', ')
  const documents = everyone
    .map(contestant => {
      const value = stats(
        runs
          .filter(run => run.contestant === contestant.id && run.view === 'first')
          .map(run => run.documentBr ?? Number.NaN)
      )
      return `${contestant.name} ${value ? number(value.median / KIB) : '—'}`
    })
    .join(', ')
  const cpu = cpus()
  const load = /** @param {number[]} values */ values => values.map(value => value.toFixed(2)).join(' / ')
  const seconds = Math.round((about.finished.getTime() - about.started.getTime()) / 1000)
  const cpuTime =
    TIME_DOMAIN === 'threadTicks'
      ? "as the main thread's CPU time (`Performance.enable` with `timeDomain: 'threadTicks'`: time the OS gives to other processes is not counted, the 4× throttle's added time is)"
      : "as wall-clock time in tasks (`Performance.enable` with `timeDomain: 'timeTicks'`, which a busy machine inflates; the default is `threadTicks`, CPU time)"
  const bullets = [
    `**Contestants**: ${about.keksi}, vanilla-cookieconsent@${versionOf('vanilla-cookieconsent')}, klaro@${versionOf('klaro')} (\`klaro.js\`, its CSS inside). Each has its own page in \`bench/pages/\`, identical but for the tool: the same three categories (necessary; analytics with GA4, HubSpot and Hotjar; embeds with YouTube), the same English texts, a bottom bar, an analytics tag (\`https://analytics.bench.test/tag.js\`) and a YouTube iframe held back by the tool's own markup. Every page also holds back the same GA4, HubSpot and Hotjar tags: Keksi's page through its \`data-ga4\`, \`data-hubspot\` and \`data-hotjar\` attributes, the others as the vendors' own snippets in the tool's markup (\`allowed.html\` runs them directly), each answered by the bench with an empty 204. Each peer is set up as its docs show (vanilla: stylesheet in \`<head>\`, a config module at the end of \`<body>\` importing the UMD build; Klaro: deferred config and \`klaro.js\`); their configs are files of their own and are counted. vanilla-cookieconsent does not gate iframes: its config releases the video in the youtube service's \`onAccept\` (a few lines). Klaro lists a purpose only with a service in it, so its page has one required "consent" service under necessary; Klaro also draws its own placeholder over the held-back video. **The floor** (\`bench/pages/floor.js\`, about 80 lines) is the least code that does the job on the same page, not a product: it reads one cookie and releases the tag and the video, or puts a plain line and button by a refused video, or shows a plain bar with two buttons; no categories, preferences, languages, withdrawal or API. "Keksi / floor" shows how close Keksi is to that limit.`,
    `**Browser**: Debian Chromium ${about.chromiumVersion}, headless, through playwright-core@${versionOf('playwright-core')} on Node ${process.version}; viewport 1280×800; a fresh browser context for every page view. Machine: ${cpu.length}× ${cpu[0]?.model.trim() ?? 'unknown CPU'} (${arch()}), ${Math.round(totalmem() / 1024 ** 3)} GiB; load average (1/5/15 min) ${load(about.loadBefore)} before, ${load(about.loadAfter)} after. A shared or busy machine inflates the wall-clock figures (banner visible, Accept all → tag, navigation → tag); sizes are exact, heap nearly so, CPU times steadier.`,
    `**Views**: a first view, answered with "Accept all"; a return view with the cookie that answer left (the tag and the video load); and a refused return view with the cookie of a "Reject all" given once before the rounds (nothing loads; Keksi, Klaro and the floor draw a placeholder for the video, vanilla-cookieconsent draws nothing). Control pages: \`blank.html\` (nothing allowed) for first and refused views, \`allowed.html\` (the tag and the video loaded directly) for return views.`,
    `**Order**: ${ROUNDS} rounds after ${WARMUP} discarded warm-up round(s); each round runs the control and the four contestants round-robin, rotated every round, first unthrottled, then with \`Emulation.setCPUThrottlingRate\` 4 (the renderer main thread only: no slower network).`,
    `**Bytes**: every response of the page view except the HTML document, counted as brotli quality 11 (Node zlib) of the body, i.e. what a browser downloads from a CDN that compresses, and as served (the server compresses nothing). The first view is everything fetched before the click; the return view is a new context holding the consent cookie from the first view, with an empty HTTP cache (every response is \`no-store\`). The documents, not counted (brotli KiB): ${documents}.`,
    `**Script evaluation / main-thread time**: CDP \`Performance.getMetrics\` \`ScriptDuration\` and \`TaskDuration\` of the page, ${cpuTime}, read once the banner is visible (first view) or the tag has run (return view), plus ${SETTLE_MS} ms × the throttling rate; shown as the difference to the control page's median at the same rate (the control pages above). Each view is run twice: once through Playwright, for every other row, and once more with DevTools quiet (\`bench/quiet.mjs\`: a raw DevTools pipe that enables only Fetch, Page and Performance, and HeapProfiler once the figures are read), for the script, main-thread and heap rows, as a visitor's browser runs the page. Playwright turns on DevTools' Runtime domain in every page, and with it V8's inspector takes a stack trace with line numbers at every cookie read and every request a script starts, parsing each function on the stack a second time; the rows marked "DevTools Runtime on" are the Playwright views' own figures, for comparison with earlier runs. Both views pass the same checks. Heap: \`JSHeapUsedSize\` after \`HeapProfiler.collectGarbage\` at the end of the quiet view, the same difference. The control's own median is in its column, marked "base".`,
    "**Banner visible** (and placeholder visible): in the first animation frame in which the tool's banner (placeholder) has a box inside the viewport and passes `checkVisibility({ opacityProperty, visibilityProperty })`, `performance.now()` once that check has run (so the frame's style and layout that place it are done), on the page's clock (0 = navigation start), seen by an init script (a MutationObserver that starts a requestAnimationFrame poll). Not the callback's timestamp argument: Chromium gives it the time the frame was begun, which comes before a long task that builds the banner, so it timed Klaro's banner before Klaro had put it in the page; every run now checks that nothing is timed before it is in the page. Banners: Keksi `keksi-root` → open shadow root → `.keksi-banner`; vanilla `#cc-main .cm`; Klaro `#klaro .cookie-notice`; floor `#floor-bar`. Placeholders: Keksi `keksi-embed` → open shadow root → `.keksi-embed`; Klaro `.context-notice`; floor `.floor-placeholder`.",
    '**Layout shift**: the sum of `layout-shift` entries without recent input (PerformanceObserver, buffered), before the click (first view) or at the end (return view).',
    "**Accept all → tag ran**: Playwright clicks the banner's \"Accept all\" (real input events); from the click event's `timeStamp` (captured on `window`) to the `performance.now()` the tag's stub records when it runs. Every third-party host is answered by Playwright routing (the tag with that stub, the video with an empty page); routing also sees every same-origin request, which adds the same small delay to every file of every contestant.",
    '**Checks** (a run failing one is left out): nothing third-party requested, the tag not run and the video without its `src` before the click; after it, the tag ran exactly once and the video got its `src`; on the return view, no banner, the tag ran once, the video loaded; on the refused view, no banner, nothing third-party requested, the tag not run, the video without its `src`; no page errors; no file missing.'
  ]
  return [
    '# Benchmark: Keksi, vanilla-cookieconsent, Klaro and the floor on the same page',
    '',
    ...wrap(
      `Generated by \`npm run bench\` (\`bench/run.mjs\`) on ${about.started.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${seconds} s. Median (min–max) over ${ROUNDS} runs per contestant, view and CPU rate; lower is better everywhere. Ratios are of the medians; "any" rows are the same at both rates.`,
      '',
      ''
    ),
    '',
    ...table(
      [
        'metric',
        'CPU',
        ...everyone.map(contestant => contestant.name),
        'Keksi / vanilla',
        'Keksi / Klaro',
        'Keksi / floor'
      ],
      rows,
      2
    ),
    '',
    `Runs that passed every check and are counted: ${good}.`,
    '',
    '## How it was measured',
    '',
    ...bullets.flatMap(bullet => wrap(bullet, '- ', '  ')),
    ''
  ].join('\n')
}

/**
 * A Markdown table padded as Biome formats it (so that \`biome ci\` passes on the file as written).
 * @param {string[]} head
 * @param {string[][]} rows
 * @param {number} leftColumns  how many columns, from the left, are left-aligned; the others are right-aligned
 * @returns {string[]}
 */
function table(head, rows, leftColumns) {
  const widths = head.map((title, column) =>
    Math.max(3, title.length, ...rows.map(row => (row[column] ?? '').length))
  )
  /** @param {string[]} cells */
  const line = cells =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 0
        return column < leftColumns ? cell.padEnd(width) : cell.padStart(width)
      })
      .join(' | ')} |`
  const rule = `| ${widths
    .map((width, column) => (column < leftColumns ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`))
    .join(' | ')} |`
  return [line(head), rule, ...rows.map(line)]
}

/**
 * Wraps a paragraph at 110 columns (the repository's line width).
 * @param {string} text
 * @param {string} first  the first line's prefix
 * @param {string} rest  the other lines' prefix
 * @returns {string[]}
 */
function wrap(text, first, rest) {
  /** @type {string[]} */
  const out = []
  let line = first
  for (const word of text.split(' ')) {
    const prefix = out.length ? rest : first
    if (line.length > prefix.length && line.length + 1 + word.length > 110) {
      out.push(line)
      line = rest + word
    } else line += line.length > prefix.length ? ` ${word}` : word
  }
  out.push(line)
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// The chart: one group of bars per key metric, each scaled to the largest of its group, the value written beside.

/** @param {string} text */
function xml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** @param {Run[]} runs */
function chart(runs) {
  const colours = { keksi: '#0b57d0', vanilla: '#8c959f', klaro: '#c2410c', floor: '#1a7f37' }
  /** @type {{ label: string, metric: Metric, rate: number | undefined, unit: string }[]} */
  const groups = [
    { label: 'First view: downloaded (brotli)', metric: metricOf('br1'), rate: undefined, unit: ' KiB' },
    { label: 'Return view: downloaded (brotli)', metric: metricOf('br2'), rate: undefined, unit: ' KiB' },
    { label: 'First view: script evaluation (Δ control)', metric: metricOf('script1'), rate: 1, unit: ' ms' },
    {
      label: 'Return view: script evaluation (Δ control)',
      metric: metricOf('script2'),
      rate: 1,
      unit: ' ms'
    },
    { label: 'Return view: main-thread time (Δ control)', metric: metricOf('task2'), rate: 1, unit: ' ms' },
    {
      label: 'Return view, refused: downloaded (brotli)',
      metric: metricOf('br3'),
      rate: undefined,
      unit: ' KiB'
    },
    { label: 'First view: main-thread time (Δ control)', metric: metricOf('task1'), rate: 1, unit: ' ms' },
    { label: 'Navigation → banner visible', metric: metricOf('visible'), rate: 1, unit: ' ms' },
    { label: 'Navigation → banner visible, 4× CPU', metric: metricOf('visible'), rate: 4, unit: ' ms' },
    { label: 'Accept all → analytics tag ran', metric: metricOf('accept'), rate: 1, unit: ' ms' },
    { label: 'First view: JS heap (Δ control)', metric: metricOf('heap1'), rate: 1, unit: ' KiB' }
  ]
  const width = 860
  const labelWidth = 300
  const barMax = 440
  const barHeight = 14
  const groupHeight = CONTESTANTS.length * (barHeight + 4) + 18
  const top = 78
  const height = top + groups.length * groupHeight + 34
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="13">`,
    '<title>Keksi, vanilla-cookieconsent, Klaro and the floor: bytes, main-thread time and timings on the same page</title>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="17" font-weight="600" fill="#1f2328">Keksi vs vanilla-cookieconsent vs Klaro vs the floor, same page, Chromium</text>`,
    `<text x="16" y="46" fill="#59636e">Median of ${ROUNDS} runs each, unthrottled unless marked; shorter bars are better. Details: docs/bench.md</text>`
  ]
  let x = 16
  for (const contestant of CONTESTANTS) {
    const colour = colours[/** @type {keyof typeof colours} */ (contestant.id)]
    out.push(`<rect x="${x}" y="58" width="12" height="12" fill="${colour}"/>`)
    out.push(`<text x="${x + 18}" y="69" fill="#1f2328">${xml(contestant.name)}</text>`)
    x += 44 + contestant.name.length * 7
  }
  groups.forEach((group, index) => {
    const y = top + index * groupHeight
    const values = CONTESTANTS.map(
      contestant => summarise(runs, group.metric, contestant.id, group.rate)?.median
    )
    const largest = Math.max(...values.map(value => (value !== undefined && value > 0 ? value : 0)), 1e-9)
    out.push(`<text x="16" y="${y + 2 * (barHeight + 4)}" fill="#1f2328">${xml(group.label)}</text>`)
    CONTESTANTS.forEach((contestant, row) => {
      const value = values[row]
      const barY = y + 8 + row * (barHeight + 4)
      const length = value !== undefined && value > 0 ? Math.max(1, (value / largest) * barMax) : 0
      const colour = colours[/** @type {keyof typeof colours} */ (contestant.id)]
      out.push(
        `<rect x="${labelWidth}" y="${barY}" width="${length.toFixed(1)}" height="${barHeight}" fill="${colour}"/>`
      )
      const text =
        value === undefined
          ? 'n/a'
          : `${value > 0 && group.metric.delta ? '+' : ''}${number(value, group.metric.digits)}${group.unit}`
      out.push(
        `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${barY + barHeight - 3}" fill="#1f2328">${xml(text)}</text>`
      )
    })
    out.push(
      `<line x1="16" x2="${width - 16}" y1="${y + groupHeight - 4}" y2="${y + groupHeight - 4}" stroke="#d1d9e0" stroke-width="1"/>`
    )
  })
  out.push(
    `<text x="16" y="${height - 12}" fill="#59636e">Δ control: minus the same page without a consent tool. Bytes: brotli 11 of every file but the HTML document.</text>`
  )
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

// ---------------------------------------------------------------------------------------------------------------
// The profile: CDP CPU profiles of Keksi's return views, after the measured rounds (a profiler slows the page, so
// these views are not in the table), summed as self time per function and named through dist/'s source maps.

/**
 * CDP `Profiler.Profile`, the parts read here.
 * @typedef {object} CpuProfile
 * @property {{ id: number, children?: number[], callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number } }[]} nodes
 * @property {number[]} samples  node ids, one per sample
 * @property {number[]} timeDeltas  µs between samples
 */

/**
 * PROFILES profiled Keksi page views per view and rate: the two return views and the first view.
 * @param {Map<string, import('playwright-core').Cookie[]>} refused
 * @returns {Promise<{ view: View, rate: number, profiles: CpuProfile[] }[]>}
 */
async function profiles(refused) {
  const [keksi] = CONTESTANTS
  if (!keksi) throw new Error('no Keksi')
  const accepted = (await visit(keksi, 'first', 1, -1)).cookies
  const out = []
  for (const view of /** @type {const} */ (['return', 'refused', 'first']))
    for (const rate of RATES) {
      /** @type {CpuProfile[]} */
      const taken = []
      for (let index = 0; index < PROFILES; index += 1) {
        const cookies = view === 'return' ? accepted : view === 'first' ? [] : (refused.get(keksi.id) ?? [])
        /** @type {Run} */
        const run = { contestant: keksi.id, view, rate, round: -1, ok: false, problems: [] }
        const profile = await visitQuietly(run, keksi, cookies, { profile: true })
        if (run.ok && profile) taken.push(profile)
      }
      out.push({ view, rate, profiles: taken })
    }
  return out
}

/** @type {Map<string, TraceMap | null>} */
const sourceMaps = new Map()

/**
 * Where a profiled function is: its source file, line and name through the bundle's source map when it is one of
 * dist/'s bundles, else its URL's last part (the page, the tag) or "browser" (native code, the parser, GC).
 * @param {CpuProfile['nodes'][number]['callFrame']} frame
 * @returns {{ file: string, name: string }}
 */
function locate(frame) {
  const name = frame.functionName || '(anonymous)'
  if (!frame.url) return { file: 'browser', name }
  const path = frame.url.startsWith(origin) ? new URL(frame.url).pathname : ''
  if (!path.startsWith('/dist/')) return { file: frame.url.split('/').pop() || frame.url, name }
  if (!sourceMaps.has(path)) {
    let map = null
    try {
      map = new TraceMap(readFileSync(join(ROOT, `${path}.map`), 'utf8'))
    } catch {
      // Built without maps: the bundle's own (minified) names.
    }
    sourceMaps.set(path, map)
  }
  const map = sourceMaps.get(path)
  const bundle = path.slice('/dist/'.length)
  if (!map) return { file: bundle, name: `${name} @${frame.lineNumber + 1}:${frame.columnNumber + 1}` }
  const original = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber })
  if (!original.source) return { file: bundle, name }
  const source = original.source.replace(/^(\.\.\/)+/, '')
  return { file: bundle, name: `${nameAt(map, original.source, original.line)} (${source}:${original.line})` }
}

/**
 * A function's own name, from the line of source where it starts (the map's `sourcesContent`): `function decode`,
 * `const release =`, a method `set(`, a property `read:`; else "(anonymous)". The map's own names are the
 * minifier's, not the function's.
 * @param {TraceMap} map
 * @param {string} source
 * @param {number | null} line
 */
function nameAt(map, source, line) {
  const index = map.sources.indexOf(source)
  const text = (map.sourcesContent?.[index] ?? '').split('\n')[(line ?? 0) - 1] ?? ''
  const found =
    /\bfunction\s*\*?\s*([\w$]+)/.exec(text) ??
    /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=/.exec(text) ??
    /^\s*(?:async\s+)?([\w$]+)\s*[(:]/.exec(text)
  return found?.[1] ?? '(anonymous)'
}

/**
 * Self time per function and per file, and total time (self and what it calls) of dist/'s functions, in ms per page
 * view (the mean over the profiles), largest first.
 * @param {CpuProfile[]} taken
 */
function selfTimes(taken) {
  /** @typedef {Map<string, { file: string, name: string, ms: number }>} Times */
  /** @type {Times} */
  const functions = new Map()
  /** @type {Times} */
  const totals = new Map()
  /** @type {Map<string, number>} */
  const byFile = new Map()
  /** @param {Times} into @param {{ file: string, name: string }} where @param {number} ms */
  const add = (into, where, ms) => {
    const key = `${where.file}\t${where.name}`
    const entry = into.get(key) ?? { ...where, ms: 0 }
    entry.ms += ms
    into.set(key, entry)
    return key
  }
  for (const profile of taken) {
    const nodes = new Map(profile.nodes.map(node => [node.id, node]))
    /** @type {Map<number, number>} */
    const parents = new Map()
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
    profile.samples.forEach((id, index) => {
      const frame = nodes.get(id)?.callFrame
      if (!frame || frame.functionName === '(idle)') return
      const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000 / taken.length
      const where = locate(frame)
      add(functions, where, ms)
      byFile.set(where.file, (byFile.get(where.file) ?? 0) + ms)
      // Every function of a bundle on the stack, once even if it recurses.
      const counted = new Set()
      for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parents.get(at)) {
        const caller = nodes.get(at)?.callFrame
        if (!caller?.url.startsWith(`${origin}/dist/`)) continue
        const place = locate(caller)
        const key = `${place.file}\t${place.name}`
        if (!counted.has(key)) counted.add(add(totals, place, ms))
      }
    })
  }
  /** @param {Times} times */
  const sorted = times => [...times.values()].sort((a, b) => b.ms - a.ms)
  return {
    functions: sorted(functions),
    totals: sorted(totals),
    files: [...byFile].map(([file, ms]) => ({ file, ms })).sort((a, b) => b.ms - a.ms)
  }
}

/**
 * docs/profile.md: for each profiled view and rate, the self time per file and the top functions.
 * @param {{ view: View, rate: number, profiles: CpuProfile[] }[]} profiled
 * @param {string} chromiumVersion
 */
function profileReport(profiled, chromiumVersion) {
  const out = [
    '# Where a Keksi page view spends its main-thread time',
    '',
    ...wrap(
      `Generated by \`npm run bench\` (\`bench/run.mjs\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with ${keksiVersion()}, Debian Chromium ${chromiumVersion}. CDP \`Profiler\` CPU profiles (50 µs sampling) of ${PROFILES} page views per row, from navigation until the bench's settle time after the tag ran (accepted), the placeholder showed (refused) or the banner showed (first view), on the bench's Keksi page; self time (time in the function itself, not in what it calls), in ms per page view, the mean over the views; idle time left out. Keksi's functions are named through the source maps the build writes beside dist/'s bundles (unlinked and left out of the npm package, so visitors and installs get nothing more); "browser" is native code, the HTML parser and layout ("(program)") and the garbage collector. The views are the bench's quiet ones (\`bench/quiet.mjs\`: DevTools' Runtime domain off, as in a visitor's browser); the profiler itself slows the page, so these times are larger than the table's in docs/bench.md; they show where the time goes, not how much there is.`,
      '',
      ''
    )
  ]
  for (const { view, rate, profiles: taken } of profiled) {
    const { functions, totals, files } = selfTimes(taken)
    const title = {
      return: 'Return view (everything accepted)',
      refused: 'Return view, refused (the video held back)',
      first: 'First view, until the banner is visible'
    }[view]
    out.push('', `## ${title}, ${rate}× CPU (${taken.length} views)`, '')
    out.push(
      ...table(
        ['where', 'self, ms'],
        files.map(entry => [entry.file, number(entry.ms)]),
        1
      ),
      ''
    )
    out.push(
      ...table(
        ['function (source)', 'file', 'self, ms'],
        functions
          .slice(0, 15)
          .map(entry => [entry.name.replaceAll('|', '\\|'), entry.file, number(entry.ms)]),
        2
      ),
      '',
      ...table(
        ["Keksi's function (source)", 'file', 'total, ms'],
        totals.slice(0, 15).map(entry => [entry.name.replaceAll('|', '\\|'), entry.file, number(entry.ms)]),
        2
      )
    )
  }
  return `${out.join('\n')}\n`
}

/** @param {string} key */
function metricOf(key) {
  const metric = METRICS.find(candidate => candidate.key === key)
  if (!metric) throw new Error(`no metric ${key}`)
  return metric
}

/**
 * @param {string | undefined} text
 * @param {number} fallback
 * @param {boolean} [zero] whether 0 is allowed
 */
function positive(text, fallback, zero = false) {
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < (zero ? 0 : 1))
    throw new Error(`expected a whole number, got ${text}`)
  return value
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
  browser?.close()
  server.close()
})
