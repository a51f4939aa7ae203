/**
 * The `<script src="keksi.js">` entry: reads the tag's `data-*` attributes and the
 * `<script type="application/json" id="keksi-config">` block, starts Keksi and publishes `window.keksi`.
 * The only file with top-level effects.
 */
import type { KeksiConfig, ResolvedConfig } from './core/types.js'
import type { debug } from './diagnostics/debug.js'
import type { describe } from './diagnostics/describe.js'
import type { Recorder } from './integrations/records.js'
import type { Keksi, MountEmbeds, MountUi } from './keksi.js'
import { loadScript } from './load-script.js'
import { builtIns } from './services/built-ins.js'
import { reporter, start } from './start.js'

declare global {
  interface Window {
    keksi?: Keksi | unknown[]
    /** Set by keksi-ui.js when it has loaded. */
    keksiUi?: { mount: MountUi }
    /** Set by keksi-embed.js when it has loaded. */
    keksiEmbed?: { mount: MountEmbeds }
    /** Set by keksi-describe.js when it has loaded. */
    keksiDescribe?: { describe: typeof describe }
    /** Set by keksi-debug.js when it has loaded. */
    keksiDebug?: { debug: typeof debug }
    /** Set by keksi-record.js when it has loaded. */
    keksiRecord?: Recorder
  }
}

/**
 * What the tag's `data-*` attributes set (README "One script tag"): `data-<vendor>` is a built-in vendor's id
 * (`data-ga4` is `services.ga4.id`), the rest are options (`data-policy-url` is `policyUrl`).
 */
const VENDORS = Object.keys(builtIns).filter(key => builtIns[key]?.id)
const ATTRIBUTES = [...VENDORS, 'policyUrl', 'lang', 'theme', 'revision', 'css', 'debug']

// Read now: currentScript is null once this script has run, and in modules.
const tag = (document.currentScript ??
  document.querySelector('script[src*="keksi.js"]')) as HTMLScriptElement | null
const base = tag?.src ? new URL('.', tag.src).href : ''
const nonce = tag?.nonce

/** Loads a file from beside keksi.js, which publishes itself as `window[global]`. */
const load = <T>(
  file: string,
  global: 'keksiUi' | 'keksiEmbed' | 'keksiDescribe' | 'keksiDebug' | 'keksiRecord',
  urgent?: boolean
): Promise<T> => loadScript(base + file, global, nonce, urgent)

/**
 * The UI, and at the same time the stylesheet it will put in its shadow root (the owner's `css` or the theme's file
 * beside keksi.js, as `ui/theme-url.ts` names it): one round trip to a styled banner, not two (README "Speed, side
 * by side"). Only the floating button of a return view waits for the browser's own order.
 */
const loadUi = ({ css, theme }: ResolvedConfig, urgent: boolean): Promise<MountUi> => {
  if (urgent && css !== 'none') {
    const link = document.createElement('link')
    link.rel = 'preload'
    link.as = 'style'
    link.href = css ?? `${base}themes/${theme}.css`
    if (nonce) link.nonce = nonce
    document.head.append(link)
  }
  return load<{ mount: MountUi }>('keksi-ui.js', 'keksiUi', urgent).then(m => m.mount)
}

const loadDescribe = () =>
  load<{ describe: typeof describe }>('keksi-describe.js', 'keksiDescribe').then(m => m.describe)
const report = reporter(loadDescribe)
const existing = window.keksi

// Our own API there means this tag is a second one; anything else that is not the queue is another script's
// global, which Keksi reports and replaces.
if ((existing as Keksi | undefined)?.onAccept) {
  report('twice', 'keksi.js')
} else {
  if (existing && !Array.isArray(existing)) report('global', 'window.keksi', existing)
  let config: Record<string, unknown> = {}
  const block = document.getElementById('keksi-config')
  if (block) {
    try {
      config = JSON.parse(block.textContent ?? '')
    } catch (error) {
      report('json', 'keksi-config', (error as Error).message)
    }
  }
  const services = { ...(config.services as KeksiConfig['services']) }
  for (const [key, value] of Object.entries(tag?.dataset ?? {}) as [string, string][]) {
    // As `dataset` names it (`policyUrl`): the message file writes it back as the page has it (`data-policy-url`).
    if (!ATTRIBUTES.includes(key)) report('attribute', key, undefined, ATTRIBUTES)
    else if (VENDORS.includes(key)) services[key] = { ...services[key], id: value }
    // `data-debug` is on by being there.
    else if (key === 'debug') config.debug = true
    else config[key] = key === 'revision' && /^\d+$/.test(value) ? Number(value) : value
  }
  if (Object.keys(services).length) config.services = services

  window.keksi = start(
    config,
    {
      loadUi,
      loadEmbeds: () => load<{ mount: MountEmbeds }>('keksi-embed.js', 'keksiEmbed').then(m => m.mount),
      loadDescribe,
      loadRecorder: () => load<Recorder>('keksi-record.js', 'keksiRecord'),
      loadDebug: () =>
        load<{ debug: typeof debug }>('keksi-debug.js', 'keksiDebug').then(
          ({ debug }) =>
            (keksi, config) =>
              debug(keksi, config, base)
        ),
      nonce,
      queue: Array.isArray(existing) ? existing : undefined
    },
    report
  )
}
