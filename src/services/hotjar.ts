import type { ServiceDefinition } from '../core/types.js'

/** Hotjar's tracking code. Cookies from Hotjar's "Hotjar Cookie Information" article. */
export const hotjar: ServiceDefinition = {
  category: 'analytics',
  id: /^\d{3,10}$/
}

/** The cookies hotjar sets: listed for visitors, cleared on withdrawal. */
export const hotjarCookies: string[] = [
  '_hjSessionUser_* 365d',
  '_hjSession_* 30min',
  '_hjFirstSeen 30min',
  '_hjAbsoluteSessionInProgress 30min',
  // Any other Hotjar cookie, whose lifetimes vary.
  '_hj*'
]
