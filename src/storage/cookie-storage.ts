import type { ConsentStorage } from '../core/types.js'

/** Where the consent cookie lives (SPEC §8). */
export interface CookieOptions {
  name: string
  /** Share it with subdomains; host-only when left out. */
  domain?: string | undefined
  /** Defaults to whether the page is served over https. */
  secure?: boolean
}

/**
 * The consent cookie: first-party, `Path=/`, `SameSite=Lax`, `Secure` on https, `Domain` only when asked for. The
 * only module that touches `document.cookie`. The codec writes plain `[0-9A-Za-z._-]`, so nothing needs encoding;
 * a value that needs decoding is not ours. Where cookies are blocked, writes simply do not stick and the decision
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
  const write = (value: string, expires: Date): void => {
    // biome-ignore lint/suspicious/noDocumentCookie: this module is the one place that writes the cookie.
    document.cookie = `${name}=${value};expires=${expires.toUTCString()};path=/;samesite=lax${secure ? ';secure' : ''}${domain ? `;domain=${domain}` : ''}`
  }
  return {
    // The cookie name is ours ([\w-]), so it is safe inside the pattern.
    read: () => document.cookie.match(`(^|; )${name}=([^;]*)`)?.[2],
    write,
    clear: () => write('', new Date(0))
  }
}
