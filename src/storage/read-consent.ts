import { decode } from '../core/codec.js'
import { resolveConfig } from '../core/config.js'
import type { Consent, KeksiConfig } from '../core/types.js'
import { builtIns } from '../services/built-ins.js'

/**
 * Reads the visitor's decision from a request's `Cookie` header, so a server can render the right tags from the
 * first byte, with no flash and no banner for a visitor who has decided. Pure: no DOM, no I/O. Give it the same
 * config as the page; a malformed, tampered, expired or other-revision cookie is `null`, as in the browser.
 * Config mistakes are reported by the page, not here.
 *
 * @example
 * const consent = readConsent(request.headers.cookie, { services: { ga4: { id: 'G-ABC123XYZ' } } })
 * if (consent?.services.ga4) html += gtagSnippet
 */
export function readConsent(
  cookieHeader: string | undefined,
  config: KeksiConfig = {},
  now = Date.now()
): Consent | null {
  const resolved = resolveConfig(config, builtIns, () => {})
  const value = cookieHeader
    ?.split(';')
    .map(pair => pair.trim())
    .find(pair => pair.startsWith(`${resolved.cookieName}=`))
    ?.slice(resolved.cookieName.length + 1)
  return decode(value, resolved, now)
}
