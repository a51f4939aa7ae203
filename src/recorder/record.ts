import type { Consent } from '../core/types.js'

/**
 * A consent record, version 1 (README "Proof of consent"; JSON Schema `dist/keksi-record.schema.json`): what the
 * browser sends for each decision, and what the receiver keeps. Nothing in it identifies the visitor beyond the
 * random consent id: no IP address, no browser, no other cookie.
 */
export interface ConsentRecord
  extends Pick<Consent, 'decidedAt' | 'revision' | 'method' | 'categories' | 'services'> {
  version: 1
  /** The decision's random id (`Consent.id`), as the consent cookie holds it. */
  consentId: string
  /** The page the decision was made on: origin and path, never the query or the fragment. */
  page: string
  /** The language of the wording shown, or of the page when none was shown. */
  language: string
  /** SHA-256 (hex) of `texts`; `null` when the decision was made without Keksi's UI (the API, GPC). */
  textsHash: string | null
  /** The wording shown, as JSON text, sent with the first record of each hash (the receiver keeps it once). */
  texts?: string
}

/** Where records wait for the receiver's answer, oldest first: keksi.js looks there to send them on a later page view. */
export const QUEUE = 'keksi:records'
