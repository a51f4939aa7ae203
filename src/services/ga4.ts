import type { ServiceDefinition } from '../core/types.js'

/** Google Analytics 4 (gtag.js). Cookies from Google's "Cookie usage" page for GA4. */
export const ga4: ServiceDefinition = {
  category: 'analytics',
  id: /^G-[A-Z0-9]{4,20}$/
}

/** The cookies ga4 sets: listed for visitors, cleared on withdrawal. */
export const ga4Cookies: string[] = ['_ga 2y', '_ga_* 2y', '_gid 1d', '_gat* 1min']
