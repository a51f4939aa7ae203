import Cookies from 'js-cookie'
import type { ConsentStorage } from '../core/types.js'

/** Where the consent cookie lives (SPEC §8). */
export interface CookieOptions {
  name: string
  /** Share it with subdomains; host-only when left out. */
  domain?: string
  /** Defaults to whether the page is served over https. */
  secure?: boolean
}

/**
 * The consent cookie: first-party, `Path=/`, `SameSite=Lax`, `Secure` on https. The only module that touches
 * `document.cookie` (through js-cookie). Where cookies are blocked, writes simply do not stick and the decision
 * lives on in memory for the page view.
 *
 * @example
 * const storage = cookieStorage({ name: 'keksi', domain: 'example.com' })
 */
export function cookieStorage({
  name,
  domain,
  secure = location.protocol === 'https:'
}: CookieOptions): ConsentStorage {
  const attributes = { path: '/', sameSite: 'Lax' as const, secure, ...(domain ? { domain } : {}) }
  return {
    read: () => Cookies.get(name),
    write: (value, expires) => {
      Cookies.set(name, value, { ...attributes, expires })
    },
    clear: () => Cookies.remove(name, attributes)
  }
}
