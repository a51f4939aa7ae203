import type { Consent } from '../core/types.js'
import type { Integration } from '../keksi.js'
import type { send } from '../recorder/keksi-record.js'
import { QUEUE } from '../recorder/record.js'

/** What `keksi-record.js` offers. */
export type Recorder = { send: typeof send }

/**
 * Proof of consent (README "Proof of consent"): with `record` set, every decision is sent to the owner's
 * receiver by `keksi-record.js`, fetched when the first record is due; and on a page view where records still wait
 * from an earlier one (the receiver was down), to send them. Nothing is fetched or sent without `record`.
 */
export const records =
  (loadRecorder: () => Promise<Recorder>): Integration =>
  ({ keksi, config, report, wording }) => {
    const url = config.record
    if (!url) return
    let recorder: Promise<Recorder | undefined> | undefined
    const send = (consent?: Consent): void => {
      recorder ??= loadRecorder().catch(() => {
        recorder = undefined
        report('load', 'keksi-record.js')
        return undefined
      })
      void recorder.then(loaded => loaded?.send(url, consent, wording()))
    }
    let waiting = false
    try {
      // A JSON list that is not empty.
      waiting = (localStorage.getItem(QUEUE)?.length ?? 0) > 2
    } catch {}
    if (waiting) send()
    keksi.on('consent', send)
  }
