import type { ServiceDefinition } from '../core/types.js'

/** Hotjar's tracking code. Cookies from Hotjar's "Hotjar Cookie Information" article. */
export const hotjar: ServiceDefinition = {
  category: 'analytics',
  name: 'Hotjar',
  provider: 'Hotjar Ltd.',
  purpose: 'Heatmaps and recordings of how visitors use the pages.',
  cookies: ['_hjSessionUser_*', '_hjSession_*', '_hjFirstSeen', '_hjAbsoluteSessionInProgress', '_hj*'],
  id: { pattern: /^\d{3,10}$/, example: '3456789' }
}
