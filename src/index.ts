import type { KeksiConfig } from './core/types.js'
import type { Keksi } from './keksi.js'
import { start } from './start.js'

/**
 * Starts Keksi from npm: reads the stored decision, gates `data-consent` markup, and shows the banner (fetched on
 * demand as a separate chunk) when the visitor has not decided. Call it once, early, before other tags.
 *
 * @example
 * import { init } from 'keksi'
 * const keksi = init({ policyUrl: '/privacy', services: { ga4: { id: 'G-ABC123XYZ' } } })
 * keksi.onAccept('analytics', () => console.log('analytics allowed'))
 */
export function init(config: KeksiConfig = {}): Keksi {
  return start(config, {
    loadUi: () => import('./ui/mount.js').then(ui => ui.mount),
    loadEmbeds: () => import('./embeds/keksi-embed.js').then(embeds => embeds.mount),
    loadDescribe: () => import('./diagnostics/describe.js').then(words => words.describe),
    loadRecorder: () => import('./recorder/keksi-record.js'),
    loadDebug: () =>
      import('./diagnostics/debug.js').then(audit => (keksi, config) => audit.debug(keksi, config))
  })
}

/**
 * Types a config written apart from `init()` (say in `keksi.config.ts`), so the editor completes and checks it;
 * returns it unchanged.
 *
 * @example
 * import { defineConfig, init } from 'keksi'
 * export const config = defineConfig({ policyUrl: '/privacy', services: { hotjar: { id: '3456789' } } })
 * init(config)
 */
export const defineConfig = (config: KeksiConfig): KeksiConfig => config

export type {
  CategoryConfig,
  Choices,
  Consent,
  KeksiConfig,
  Method,
  ServiceConfig,
  Texts
} from './core/types.js'
export type { ConsentChange, Keksi, KeksiEvents } from './keksi.js'
export { readConsent } from './storage/read-consent.js'
