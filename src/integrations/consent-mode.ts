import { knownNames, SIGNALS } from '../core/config.js'
import type { ConsentSignal } from '../core/types.js'
import type { Integration } from '../keksi.js'
import { gtag } from './gtag.js'

const ADS: ConsentSignal[] = ['ad_storage', 'ad_user_data', 'ad_personalization']

/**
 * Google Consent Mode v2 (README "Google Consent Mode"). As keksi.js runs, before any Google tag can:
 * `default` with every signal denied but `security_storage`, and `wait_for_update` for tags that come first
 * anyway; then `update` with the stored decision, if there is one, and on every decision after. A signal is granted
 * when any name mapped to it is: by default `analytics` (or `ga4`, when configured) grants `analytics_storage`, and
 * a `marketing` category the ad signals. `consentMode` replaces the map, or turns all this off with `false`.
 */
export const consentMode: Integration = ({ keksi, config, report }) => {
  if (config.consentMode === false) return
  const names = knownNames(config)
  const map: Record<string, ConsentSignal[]> =
    config.consentMode === true
      ? { [config.services.ga4 ? 'ga4' : 'analytics']: ['analytics_storage'], marketing: ADS }
      : { ...config.consentMode }
  for (const name of Object.keys(map)) {
    if (names.includes(name)) continue
    // The default's `marketing` is there for sites that add it.
    if (config.consentMode !== true) report('name', `consentMode.${name}`, name, names)
    delete map[name]
  }
  /** Each signal, granted when a name mapped to it is. */
  const state = (accepted: (name: string) => boolean): Record<string, string> => {
    const signals: Record<string, string> = {}
    for (const signal of SIGNALS) {
      const granted = Object.keys(map).some(
        name => map[name]?.includes(signal as ConsentSignal) && accepted(name)
      )
      signals[signal] = granted ? 'granted' : 'denied'
    }
    return signals
  }
  gtag('consent', 'default', { ...state(() => false), security_storage: 'granted', wait_for_update: 500 })
  const update = (): void => gtag('consent', 'update', state(keksi.accepted))
  if (keksi.get()) update()
  keksi.store.listen(update)
}
