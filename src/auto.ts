/**
 * The `<script src="keksi.js">` entry: reads the tag's `data-*` attributes and the
 * `<script type="application/json" id="keksi-config">` block, starts Keksi and publishes `window.keksi`.
 * The only file with top-level effects.
 */
import { nearest } from './core/config.js'
import type { KeksiConfig } from './core/types.js'
import type { Keksi, MountUi } from './keksi.js'
import { report, start } from './start.js'

declare global {
  interface Window {
    keksi?: Keksi | unknown[]
    /** Set by keksi-ui.js when it has loaded. */
    keksiUi?: { mount: MountUi }
  }
}

const ATTRIBUTES = ['ga4', 'hubspot', 'hotjar', 'policyUrl', 'lang', 'theme', 'revision', 'css']

// Read now: currentScript is null once this script has run, and in modules.
const tag = (document.currentScript ??
  document.querySelector('script[src*="keksi.js"]')) as HTMLScriptElement | null
const base = tag?.src ? new URL('.', tag.src).href : ''
const existing = window.keksi

if (existing && !Array.isArray(existing)) {
  report(
    'keksi.js: included twice; expected one <script src=".../keksi.js"> per page. The first one stays in charge.'
  )
} else {
  let config: Record<string, unknown> = {}
  const block = document.getElementById('keksi-config')
  if (block) {
    try {
      config = JSON.parse(block.textContent ?? '')
    } catch (error) {
      report(
        `<script id="keksi-config">: invalid JSON (${(error as Error).message}); expected a JSON object of options.`
      )
    }
  }
  const services = { ...(config.services as KeksiConfig['services']) }
  for (const [key, value] of Object.entries(tag?.dataset ?? {})) {
    if (value === undefined) continue
    if (!ATTRIBUTES.includes(key)) {
      const guess = nearest(key, ATTRIBUTES)?.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)
      report(
        `data-${key.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}: unknown attribute${guess ? `; did you mean data-${guess}?` : '.'}`
      )
    } else if (key === 'ga4' || key === 'hubspot' || key === 'hotjar') {
      services[key] = { ...services[key], id: value }
    } else {
      config[key] = key === 'revision' && /^\d+$/.test(value) ? Number(value) : value
    }
  }
  if (Object.keys(services).length) config.services = services

  window.keksi = start(config, {
    loadUi: () =>
      new Promise<MountUi>((resolve, reject) => {
        const script = document.createElement('script')
        script.src = `${base}keksi-ui.js`
        if (tag?.nonce) script.nonce = tag.nonce
        script.onload = () => (window.keksiUi ? resolve(window.keksiUi.mount) : reject())
        script.onerror = reject
        document.head.append(script)
      }),
    themeUrl: theme => `${base}themes/${theme}.css`,
    ...(tag?.nonce ? { nonce: tag.nonce } : {}),
    ...(Array.isArray(existing) ? { queue: existing } : {})
  })
}
