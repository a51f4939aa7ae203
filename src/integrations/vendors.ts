import type { Vendor } from '../core/types.js'
import type { Integration } from '../keksi.js'
import { builtIns } from '../services/built-ins.js'

/** A custom service's script (`src`), loaded once it is granted. */
const custom: NonNullable<Vendor['wire']> =
  ({ src }, load) =>
  granted => {
    if (granted && src) load(src)
  }

/**
 * Wires each configured service that loads code (README "Services"): a built-in vendor as its file says, a custom
 * one by its `src`. A vendor learns its grant as soon as there is a decision (on every page view: HubSpot's consent
 * API wants that) and whenever it changes; a reset counts as a withdrawal.
 */
export const vendors: Integration = ({ keksi, config, load }) => {
  for (const service of Object.values(config.services)) {
    const vendor = Object.hasOwn(builtIns, service.key) ? builtIns[service.key] : undefined
    const wire = vendor ? vendor.wire : service.src && custom
    if (!wire) continue
    const update = wire(service, (src, id) => load(src, service.key, id))
    let was: boolean | undefined
    const check = (): void => {
      const granted = keksi.accepted(service.key)
      if (granted === was || (was === undefined && !keksi.get())) return
      was = granted
      update(granted)
    }
    check()
    keksi.store.listen(check)
  }
}
