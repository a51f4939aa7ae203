import type { Vendor } from '../core/types.js'
import { page } from './page.js'

/**
 * Hotjar's tracking code, as Hotjar's install snippet loads it once Hotjar is granted. Hotjar has no consent API:
 * withdrawal deletes its cookies and storage and reloads the page. Cookies and storage keys from Hotjar's "Hotjar
 * Cookie Information" article.
 */
export const hotjar: Vendor = {
  category: 'analytics',
  id: /^\d{3,10}$/,
  example: '3456789',
  cookies: [
    '_hjSessionUser_* 365d',
    '_hjSession_* 30min',
    '_hjFirstSeen 30min',
    '_hjAbsoluteSessionInProgress 30min',
    // Any other Hotjar cookie, whose lifetimes vary.
    '_hj*'
  ],
  storage: ['_hj*', 'hjActiveViewportIds', 'hjViewportId'],
  hosts: ['hotjar.com', 'hotjar.io'],
  wire({ id }, load) {
    return granted => {
      // Granted again after a withdrawal: the same settings, and `load` asks for a script once per page view.
      if (!granted) return
      // Hotjar's queue, for `hj('event', …)` calls made before its code arrives.
      page.hj ??= function hj() {
        const hj = page.hj as { q?: unknown[] }
        hj.q ??= []
        // biome-ignore lint/complexity/noArguments: Hotjar's snippet queues the Arguments object.
        hj.q.push(arguments)
      }
      page._hjSettings = { hjid: Number(id), hjsv: 6 }
      load(`https://static.hotjar.com/c/hotjar-${id}.js?sv=6`)
    }
  }
}
