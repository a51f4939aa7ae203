/**
 * `keksi-record.js`: sends consent records (README "Proof of consent"). Fetched by keksi.js only when `record` is set
 * and a record is due, so no page view pays for it otherwise. Records wait in `localStorage` until the receiver has
 * answered 2xx: one that fails (offline, receiver down) is sent again on a later page view.
 */
import type { Consent } from '../core/types.js'
import type { Wording } from '../keksi.js'
import { type ConsentRecord, QUEUE } from './record.js'
import { sha256 } from './sha256.js'

/** Hashes of the wordings the receiver already has. */
const KNOWN = 'keksi:texts'

const read = (key: string): unknown[] => {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]')
    return Array.isArray(value) ? value : []
  } catch {
    return []
  }
}
const write = (key: string, value: unknown[]): void => {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage blocked or full: the record is sent this once, without a retry.
  }
}

/** The record of a decision, with the wording shown if the receiver does not have it yet. */
export function recordOf(
  consent: Consent,
  wording: Wording | undefined,
  known: unknown[] = []
): ConsentRecord {
  const texts = wording && JSON.stringify(wording.texts)
  const textsHash = texts ? sha256(texts) : null
  return {
    version: 1,
    consentId: consent.id,
    decidedAt: consent.decidedAt,
    revision: consent.revision,
    method: consent.method,
    categories: consent.categories,
    services: consent.services,
    page: location.origin + location.pathname,
    language: wording?.lang ?? (document.documentElement.lang || navigator.language),
    textsHash,
    ...(texts && !known.includes(textsHash) && { texts })
  }
}

let sending: Promise<void> = Promise.resolve()

/**
 * Queues the record of `consent` (if given), then sends every queued record to `url`, one after another. With
 * `keepalive`, a record outlives the page, as a beacon would, and the answer says whether the receiver kept it.
 */
export function send(url: string, consent?: Consent, wording?: Wording): Promise<void> {
  if (consent) write(QUEUE, [...read(QUEUE), recordOf(consent, wording, read(KNOWN))])
  sending = sending.then(async () => {
    for (const record of read(QUEUE) as ConsentRecord[]) {
      let status = 0
      try {
        status = (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(record),
            keepalive: true,
            credentials: 'omit'
          })
        ).status
      } catch {
        // Offline, or the receiver is down: it stays queued for the next page view.
      }
      if (status >= 500 || status === 0 || status === 429) break
      // Kept (2xx), or refused as malformed (4xx), which no retry would change: either way, it leaves the queue.
      write(
        QUEUE,
        read(QUEUE).filter(queued => (queued as ConsentRecord).consentId !== record.consentId)
      )
      if (status < 300 && record.texts) write(KNOWN, [...read(KNOWN), record.textsHash].slice(-20))
    }
  })
  return sending
}
