import type { Integration } from '../keksi.js'

/**
 * Global Privacy Control (README "Global Privacy Control"): when the browser says no for the visitor, a first
 * visit starts as a refusal of method `gpc` (every optional category off, no banner); the visitor can still opt in
 * from "change decision". A stored decision wins, and a crawler gets none. Never consent: GPC only ever refuses.
 * Off with `gpc: false`. `bot` tells a crawler's page view.
 */
export const globalPrivacyControl =
  (bot: () => boolean): Integration =>
  ({ config, model }) => {
    // The stored decision first: a return view reads nothing of `navigator` (its first use in a page costs ~0.3 ms).
    if (!config.gpc || model.store.get() || bot()) return
    if ((navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true) model.set({}, 'gpc')
  }
