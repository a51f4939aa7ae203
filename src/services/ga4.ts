import type { ServiceDefinition } from '../core/types.js'

/** Google Analytics 4 (gtag.js). Cookies from Google's "Cookie usage" page for GA4. */
export const ga4: ServiceDefinition = {
  category: 'analytics',
  name: 'Google Analytics 4',
  provider: 'Google Ireland Ltd.',
  purpose: 'Counts visits and how the site is used.',
  cookies: ['_ga', '_ga_*', '_gid', '_gat*'],
  id: { pattern: /^G-[A-Z0-9]{4,20}$/, example: 'G-ABC123XYZ' }
}
