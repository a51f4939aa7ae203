import type { Integration } from '../keksi.js'
import { clearCookies } from '../storage/cookie-storage.js'
import { clearStorage } from '../storage/web-storage.js'

/**
 * Withdrawal (README "Withdrawal"). After every decision, nothing of a service that is not granted stays:
 * its cookies go on this host and every parent domain, its `localStorage` and `sessionStorage` keys with them (the
 * vendors' own opt-outs were called by then: they listen first). A script that ran cannot be unloaded, so when a
 * name whose code ran is no longer granted, the page reloads once, unless `reloadOnRevoke: false`.
 */
export const withdrawal: Integration = ({ keksi, config, ran }) => {
  keksi.store.listen(() => {
    for (const service of Object.values(config.services)) {
      if (keksi.accepted(service.key)) continue
      // A cookie's lifetime, after its name, is for visitors' eyes.
      clearCookies(service.cookies.map(cookie => cookie.split(' ')[0] as string))
      clearStorage(service.storage)
    }
    if (config.reloadOnRevoke && [...ran].some(name => !keksi.accepted(name))) location.reload()
  })
}
