import Cookies from 'js-cookie'
import type { ConsentStorage } from '../core/types.js'

/** Where the consent cookie lives (README "The consent cookie"). */
export interface CookieOptions {
  name: string
  /** Share it with subdomains; host-only when left out. */
  domain?: string | undefined
  /** Defaults to whether the page is served over https. */
  secure?: boolean
}

/**
 * The consent cookie: first-party, `Path=/`, `SameSite=Lax`, `Secure` on https, `Domain` only when asked for.
 * js-cookie does the reading and writing (the stack's one cookie I/O, README "The consent cookie"); the codec
 * writes plain `[0-9A-Za-z._-]`, which js-cookie writes as it is. Where cookies are blocked, writes simply do not
 * stick and the decision lives on in memory for the page view.
 *
 * @example
 * const storage = cookieStorage({ name: 'keksi', domain: 'example.com' })
 */
export function cookieStorage({
  name,
  domain,
  secure = location.protocol === 'https:'
}: CookieOptions): ConsentStorage {
  const jar = Cookies.withAttributes({ path: '/', sameSite: 'lax', secure, ...(domain && { domain }) })
  return {
    read: () => jar.get(name),
    write: (value, expires) => void jar.set(name, value, { expires }),
    clear: () => jar.remove(name)
  }
}

/** Whether a cookie name matches a pattern: a name, or `prefix*`. */
export const matches = (name: string, pattern: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern

/**
 * Deletes every cookie this page can see whose name matches one of `patterns` (`_ga`, `_ga_*`), wherever it was
 * set: on this host, and on each parent domain of it, as vendors set theirs on the widest domain they may
 * (`.example.com`). The browser itself refuses public suffixes such as `co.uk`, so no list of them is needed.
 *
 * @example
 * clearCookies(['_ga', '_ga_*'], 'www.shop.example') // host-only, then shop.example, then example
 */
export function clearCookies(patterns: string[], host = location.hostname): void {
  if (!patterns.length) return
  const labels = host.split('.')
  for (const name of Object.keys(Cookies.get())) {
    if (!patterns.some(pattern => matches(name, pattern))) continue
    Cookies.remove(name, { path: '/' })
    for (let i = 0; i < labels.length - 1; i++)
      Cookies.remove(name, { path: '/', domain: labels.slice(i).join('.') })
  }
}
