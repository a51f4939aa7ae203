import type { ServiceDefinition } from '../core/types.js'

/** HubSpot's tracking code. Cookies from HubSpot's "Cookies set in a visitor's browser" article. */
export const hubspot: ServiceDefinition = {
  category: 'analytics',
  name: 'HubSpot',
  provider: 'HubSpot, Inc.',
  purpose: 'Tracks visits and form submissions for marketing and sales.',
  cookies: ['__hstc', 'hubspotutk', '__hssc', '__hssrc', 'messagesUtk'],
  id: { pattern: /^\d{3,10}$/, example: '1234567' }
}
