import type { Integration } from '../keksi.js'

/**
 * The site's other open tabs (README "API"): a decision made here is news there at once. The news carries the
 * cookie's value, as the other tab's own read of the cookie may come before the write has reached it; a tab takes
 * it on as it is (`adopt`, no write), and does not send it back.
 */
export const otherTabs: Integration = ({ keksi, model, config, storage }) => {
  const tabs = new BroadcastChannel(`keksi:${config.cookieName}`)
  let adopting = false
  keksi.store.listen(() => {
    if (!adopting) tabs.postMessage(storage.read())
  })
  tabs.onmessage = ({ data }) => {
    adopting = true
    model.adopt(typeof data === 'string' ? data : undefined)
    adopting = false
  }
}
