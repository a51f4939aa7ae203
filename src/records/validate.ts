import { createHash } from 'node:crypto'
import { isObject } from '../core/config.js'
import type { ConsentRecord } from '../recorder/record.js'

/** A record is at most this long, its wording included: a few kilobytes in practice. */
export const MAX_BYTES = 64 * 1024
const NAME = /^[a-z][a-z0-9_-]{0,31}$/
const METHODS = ['accept-all', 'reject-all', 'custom', 'gpc']
const KEYS = [
  'version',
  'consentId',
  'decidedAt',
  'revision',
  'method',
  'categories',
  'services',
  'page',
  'language',
  'textsHash',
  'texts'
]

/** Names to booleans, as the cookie holds them: at most 50 in all (Keksi's limit), so a few more are refused. */
const isGrants = (value: unknown): boolean =>
  isObject(value) &&
  Object.keys(value).length <= 64 &&
  Object.entries(value).every(([name, on]) => NAME.test(name) && typeof on === 'boolean')

const isPage = (value: unknown): boolean => {
  if (typeof value !== 'string' || value.length > 2048) return false
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username && !url.password
  } catch {
    return false
  }
}

const isTime = (value: unknown): boolean =>
  typeof value === 'string' &&
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/.test(value) &&
  !Number.isNaN(Date.parse(value))

/** What each field must be: the record schema (`keksi-record.schema.json`), as code. */
const FIELDS: Record<string, (value: unknown) => boolean> = {
  consentId: value => typeof value === 'string' && /^[\w-]{16}$/.test(value),
  decidedAt: isTime,
  revision: value => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1e9,
  method: value => METHODS.includes(value as string),
  categories: isGrants,
  services: isGrants,
  page: isPage,
  language: value => typeof value === 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/.test(value),
  textsHash: value => value === null || (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)),
  texts: value => {
    if (typeof value !== 'string') return false
    try {
      return isObject(JSON.parse(value))
    } catch {
      return false
    }
  }
}

/**
 * Checks a posted record: every field of version 1 present and well formed, no other, and the wording (when sent)
 * the one its hash names. Returns the record, or what is wrong with it in one sentence, for the 4xx answer.
 *
 * @example
 * validate(JSON.parse(body)) // { record } or { error: 'method: expected accept-all, reject-all, custom or gpc' }
 */
export function validate(value: unknown): { record: ConsentRecord } | { error: string } {
  if (!isObject(value)) return { error: 'expected a JSON object' }
  if (value.version !== 1) return { error: `version: found ${JSON.stringify(value.version)}, expected 1` }
  for (const key of Object.keys(value)) if (!KEYS.includes(key)) return { error: `${key}: unknown field` }
  for (const [key, valid] of Object.entries(FIELDS)) {
    if (key === 'texts' && value.texts === undefined) continue
    if (!valid(value[key])) return { error: `${key}: missing or malformed` }
  }
  if (value.texts !== undefined) {
    if (value.textsHash === null) return { error: 'texts: sent without textsHash' }
    if (
      createHash('sha256')
        .update(value.texts as string)
        .digest('hex') !== value.textsHash
    )
      return { error: 'texts: do not match textsHash' }
  }
  return { record: value as unknown as ConsentRecord }
}
