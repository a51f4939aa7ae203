import type { Vendor } from '../core/types.js'
import { gtag } from '../integrations/gtag.js'
import { page } from './page.js'

/**
 * Google Analytics 4 through gtag.js. Consent Mode (`integrations/consent-mode.ts`) speaks for it first; this loads
 * gtag.js once GA4 is granted, and keeps GA's own opt-out flag, `ga-disable-<id>`, set whenever it is not. In
 * `advanced` mode gtag.js loads at once, under Consent Mode's denied defaults. Cookies from Google's "Cookie usage"
 * page for GA4; hosts from Google's tag documentation.
 */
export const ga4: Vendor = {
  category: 'analytics',
  id: /^G-[A-Z0-9]{4,20}$/,
  example: 'G-ABC123XYZ',
  cookies: ['_ga 2y', '_ga_* 2y', '_gid 1d', '_gat* 1min', '_dc_gtm_* 1min', '_gcl_* 90d'],
  hosts: ['googletagmanager.com', 'google-analytics.com', 'analytics.google.com'],
  options: { mode: ['basic', 'advanced'] },
  wire({ id, mode }, load) {
    const flag = `ga-disable-${id}`
    let loaded = false
    const config = (): void => {
      if (loaded) return
      loaded = true
      gtag('js', new Date())
      gtag('config', id)
      load(`https://www.googletagmanager.com/gtag/js?id=${id}`)
    }
    // Set before any gtag command: GA checks it before it sets a cookie or sends a hit.
    page[flag] = mode !== 'advanced'
    if (mode === 'advanced') config()
    return granted => {
      page[flag] = !granted && mode !== 'advanced'
      if (granted) config()
    }
  }
}
