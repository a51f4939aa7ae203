import type { ServiceDefinition } from '../core/types.js'

/** HubSpot's tracking code. Cookies from HubSpot's "Cookies set in a visitor's browser" article. */
export const hubspot: ServiceDefinition = {
  category: 'analytics',
  id: /^\d{3,10}$/
}

/** The cookies hubspot sets: listed for visitors, cleared on withdrawal. */
export const hubspotCookies: string[] = [
  '__hstc 6mo',
  'hubspotutk 6mo',
  '__hssc 30min',
  '__hssrc session',
  'messagesUtk 6mo'
]
