// A page view as a visitor's browser runs it, for the bench's CPU and heap rows: Debian's Chromium driven over a raw
// DevTools pipe that enables only what the measurement needs (Fetch to answer third-party hosts, Page to navigate,
// Performance to read the times, HeapProfiler once they are read), never the Runtime or Network domains. Playwright
// enables Runtime on every page, and with it V8's inspector captures a stack trace, with line numbers, at every
// cookie read and every request a script starts: each function on the stack is parsed a second time for its source
// positions. No visitor pays that, and it costs a tool that starts inside one large function most (Keksi's return
// view took twice as long).
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_PATH, chromiumFlags } from '../scripts/chromium.mjs'

/**
 * @typedef {object} Quiet
 * @property {(options: QuietView) => Promise<QuietRun>} visit
 * @property {() => void} close
 */
/**
 * @typedef {object} QuietView
 * @property {string} url
 * @property {{ name: string, value: string, domain: string, path: string, expires: number, httpOnly: boolean,
 *   secure: boolean, sameSite: 'Strict' | 'Lax' | 'None' }[]} cookies
 * @property {number} rate  CPU throttling
 * @property {'threadTicks' | 'timeTicks'} timeDomain  of the Performance metrics
 * @property {string} setup  script run in every new document before the page's own (the bench's watcher)
 * @property {string} ready  expression of a promise that resolves when the view is done (banner shown, tag ran)
 * @property {string} state  expression of what the view left, read once it is done
 * @property {number} settle  ms to wait after `ready`
 * @property {number} [profile]  record a CPU profile of the view, sampling every this many µs
 * @property {(url: string) => { status: number, type?: string, body?: string } | undefined} answer  the response to
 *   a request, or `undefined` to let it through (the bench's own server)
 */
/** @typedef {{ script: number, task: number, heap: number, state: unknown, profile?: unknown }} QuietRun */

/**
 * Starts the browser, with the flags of every launch (`scripts/chromium.mjs`).
 * @param {string} domain  the bench's made-up domain, mapped to this machine
 * @returns {Quiet}
 */
export function launchQuiet(domain) {
  const profile = join(tmpdir(), `keksi-bench-quiet-${process.pid}`)
  const browser = spawn(
    CHROMIUM_PATH,
    [
      ...chromiumFlags(domain),
      '--headless=new',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank'
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] }
  )
  const [, , , toBrowser, fromBrowser] = /** @type {import('node:stream').Duplex[]} */ (
    /** @type {unknown[]} */ (browser.stdio)
  )
  let lastId = 0
  /** @type {Map<number, { resolve: (result: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map()
  /** @type {Set<(message: any) => void>} */
  const listeners = new Set()
  let received = ''
  fromBrowser?.on('data', chunk => {
    received += chunk
    for (let end = received.indexOf('\0'); end >= 0; end = received.indexOf('\0')) {
      const message = JSON.parse(received.slice(0, end))
      received = received.slice(end + 1)
      const waiting = pending.get(message.id)
      if (waiting) {
        pending.delete(message.id)
        if (message.error) waiting.reject(new Error(`${message.error.message} (${message.error.code})`))
        else waiting.resolve(message.result)
      } else for (const listener of listeners) listener(message)
    }
  })
  /**
   * @param {string} method
   * @param {object} [params]
   * @param {string} [sessionId]
   * @returns {Promise<any>}
   */
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      const id = ++lastId
      pending.set(id, { resolve, reject })
      toBrowser?.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`)
    })

  /** @param {QuietView} view */
  const visit = async view => {
    const { browserContextId } = await send('Target.createBrowserContext', { disposeOnDetach: true })
    try {
      await send('Storage.setCookies', {
        browserContextId,
        cookies: view.cookies.map(({ expires, ...cookie }) => ({
          ...cookie,
          ...(expires > 0 && { expires })
        }))
      })
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId })
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true })
      /** @param {any} message */
      const answer = message => {
        if (message.sessionId !== sessionId || message.method !== 'Fetch.requestPaused') return
        const { requestId } = message.params
        const response = view.answer(message.params.request.url)
        const sent = response
          ? send(
              'Fetch.fulfillRequest',
              {
                requestId,
                responseCode: response.status,
                responseHeaders: response.type ? [{ name: 'content-type', value: response.type }] : [],
                ...(response.body !== undefined && { body: Buffer.from(response.body).toString('base64') })
              },
              sessionId
            )
          : send('Fetch.continueRequest', { requestId }, sessionId)
        // A request of a page already closed has nobody to answer it.
        sent.catch(() => {})
      }
      listeners.add(answer)
      try {
        await send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId)
        await send('Performance.enable', { timeDomain: view.timeDomain }, sessionId)
        if (view.rate !== 1) await send('Emulation.setCPUThrottlingRate', { rate: view.rate }, sessionId)
        await send('Page.enable', {}, sessionId)
        await send('Page.addScriptToEvaluateOnNewDocument', { source: view.setup }, sessionId)
        if (view.profile) {
          await send('Profiler.enable', {}, sessionId)
          await send('Profiler.setSamplingInterval', { interval: view.profile }, sessionId)
          await send('Profiler.start', {}, sessionId)
        }
        /** @type {Promise<void>} */
        const loaded = new Promise(resolve => {
          /** @param {any} message */
          const onLoad = message => {
            if (message.sessionId !== sessionId || message.method !== 'Page.loadEventFired') return
            listeners.delete(onLoad)
            resolve()
          }
          listeners.add(onLoad)
        })
        await send('Page.navigate', { url: view.url }, sessionId)
        await loaded
        // Runtime.evaluate without Runtime.enable: the page's work is done by now, and the inspector stays off.
        const ready = await send(
          'Runtime.evaluate',
          { expression: view.ready, awaitPromise: true, returnByValue: true },
          sessionId
        )
        if (ready.exceptionDetails)
          throw new Error(ready.exceptionDetails.exception?.description ?? 'not ready')
        await new Promise(resolve => setTimeout(resolve, view.settle))
        const profile = view.profile ? (await send('Profiler.stop', {}, sessionId)).profile : undefined
        const { metrics } = await send('Performance.getMetrics', {}, sessionId)
        /** @type {Record<string, number>} */
        const by = Object.fromEntries(metrics.map((/** @type {any} */ metric) => [metric.name, metric.value]))
        const state = await send(
          'Runtime.evaluate',
          { expression: view.state, returnByValue: true },
          sessionId
        )
        await send('HeapProfiler.enable', {}, sessionId)
        await send('HeapProfiler.collectGarbage', {}, sessionId)
        const after = await send('Performance.getMetrics', {}, sessionId)
        const heap = after.metrics.find(
          (/** @type {any} */ metric) => metric.name === 'JSHeapUsedSize'
        )?.value
        return {
          script: (by.ScriptDuration ?? Number.NaN) * 1000,
          task: (by.TaskDuration ?? Number.NaN) * 1000,
          heap: heap ?? Number.NaN,
          state: state.result?.value,
          profile
        }
      } finally {
        listeners.delete(answer)
      }
    } finally {
      await send('Target.disposeBrowserContext', { browserContextId }).catch(() => {})
    }
  }

  return {
    visit,
    close() {
      browser.kill()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}
