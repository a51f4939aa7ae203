import type { Vendor } from '../core/types.js'
import { ga4 } from './ga4.js'
import { hotjar } from './hotjar.js'
import { hubspot } from './hubspot.js'
import { youtube } from './youtube.js'

/**
 * Every vendor Keksi knows by name alone, one file each (README "Services"). Those with an `id` are
 * configured by it, in the JSON or as a `data-<name>` attribute; those without (`youtube`) are always there.
 */
export const builtIns: Record<string, Vendor> = { ga4, hubspot, hotjar, youtube }
