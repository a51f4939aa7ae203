import type { Integration } from '../keksi.js'

/**
 * Global Privacy Control (README "Global Privacy Control"): when the browser says no for the visitor, a first
 * visit starts as a refusal of method `gpc` (every optional category off, no banner); the visitor can still opt in
 * from "change decision". A stored decision wins. Never consent: GPC only ever refuses. Off with `gpc: false`.
 */
export const globalPrivacyControl: Integration = ({ config, model }) => {
  const gpc = (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
  if (config.gpc && gpc && !model.store.get()) model.set({}, 'gpc')
}
