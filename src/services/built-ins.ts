import type { Service, ServiceDefinition } from '../core/types.js'
import { ga4, ga4Cookies } from './ga4.js'
import { hotjar, hotjarCookies } from './hotjar.js'
import { hubspot, hubspotCookies } from './hubspot.js'
import { youtube, youtubeCookies } from './youtube.js'

/** Every vendor Keksi knows by id alone (SPEC §3). */
export const builtIns: Record<string, ServiceDefinition> = { ga4, hubspot, hotjar, youtube }

/**
 * The cookies of each built-in vendor, each its name (or `prefix*`) and lifetime, as the vendor documents them:
 * `_ga 2y`, `__hssc 30min`, `__hssrc session` (see `cookieLabel`). Kept apart so that only the code that needs them
 * (the preferences) downloads them.
 */
export const builtInCookies: Record<string, string[]> = {
  ga4: ga4Cookies,
  hubspot: hubspotCookies,
  hotjar: hotjarCookies,
  youtube: youtubeCookies
}

/** What a configured service stores: the built-in vendor's list, then the names the owner added. */
export const cookiesOf = ({ key, cookies = [] }: Service): string[] => [
  ...(builtInCookies[key] ?? []),
  ...cookies
]
