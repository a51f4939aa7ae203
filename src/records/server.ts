import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Store, StoredRecord } from './store.js'
import { MAX_BYTES, validate } from './validate.js'

export interface ReceiverOptions {
  store: Store
  /** The sites that may post records (`https://www.example.com`); none: only requests without an `Origin`. */
  origins?: string[]
  /** The bearer token that reading records needs; without one, reading is off. */
  token?: string | undefined
}

/** A cell of a CSV export: quoted, and never read as a formula by a spreadsheet. */
const cell = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null)
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`
}
const COLUMNS: (keyof StoredRecord)[] = [
  'consentId',
  'decidedAt',
  'method',
  'revision',
  'categories',
  'services',
  'page',
  'language',
  'textsHash',
  'receivedAt',
  'texts'
]
export const toCsv = (records: StoredRecord[]): string =>
  [COLUMNS.join(','), ...records.map(record => COLUMNS.map(column => cell(record[column])).join(','))].join(
    '\r\n'
  ) + '\r\n'

/**
 * The body, up to `MAX_BYTES`; `undefined` when it is longer. The rest is read and dropped, so that the client gets
 * its 413 rather than a broken connection.
 */
const body = (request: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let length = 0
    request.on('data', (chunk: Buffer) => {
      length += chunk.length
      if (length <= MAX_BYTES) chunks.push(chunk)
    })
    request.on('end', () => resolve(length > MAX_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })

const same = (given: string, expected: string): boolean => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The receiver of consent records (README "Proof of consent"). `POST /records` validates and stores one record,
 * answering 201 once it is written (200 for a record it already has); `GET /records?consentId=…&from=…&to=…`
 * (`&format=csv`) returns records with the wording shown, behind the bearer token; `GET /health` says it is up.
 */
export function createReceiver({ store, origins = [], token }: ReceiverOptions): Server {
  const answer = (
    response: ServerResponse,
    status: number,
    message: unknown,
    type = 'application/json'
  ): void => {
    response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
    response.end(type === 'application/json' ? JSON.stringify(message) : String(message))
  }
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://receiver')
      const origin = request.headers.origin
      if (origin !== undefined) {
        if (!origins.includes(origin))
          return answer(response, 403, { error: `origin ${origin} is not allowed` })
        response.setHeader('access-control-allow-origin', origin)
        response.setHeader('vary', 'origin')
      }
      if (url.pathname === '/health') return answer(response, 200, { ok: true })
      if (url.pathname !== '/records') return answer(response, 404, { error: 'not found' })
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400'
        })
        return response.end()
      }
      if (request.method === 'POST') {
        const text = await body(request)
        if (text === undefined) return answer(response, 413, { error: `larger than ${MAX_BYTES} bytes` })
        let value: unknown
        try {
          value = JSON.parse(text)
        } catch {
          return answer(response, 400, { error: 'not JSON' })
        }
        const checked = validate(value)
        if ('error' in checked) return answer(response, 422, { error: checked.error })
        const stored = await store.put(checked.record, new Date().toISOString())
        return answer(response, stored ? 201 : 200, { stored })
      }
      if (request.method === 'GET') {
        if (!token)
          return answer(response, 403, { error: 'reading records is off: start the receiver with --token' })
        const given = request.headers.authorization?.replace(/^Bearer /, '') ?? ''
        if (!same(given, token))
          return answer(response, 401, { error: 'expected Authorization: Bearer <token>' })
        const query = Object.fromEntries(
          ['consentId', 'from', 'to'].flatMap(key => {
            const value = url.searchParams.get(key)
            return value ? [[key, value]] : []
          })
        )
        if (!Object.keys(query).length)
          return answer(response, 400, { error: 'expected consentId, from or to' })
        const found = await store.find(query)
        return url.searchParams.get('format') === 'csv'
          ? answer(response, 200, toCsv(found), 'text/csv')
          : answer(response, 200, found)
      }
      return answer(response, 405, { error: 'expected POST or GET' })
    } catch (error) {
      // Nothing was stored from a request that failed here: the browser keeps the record and sends it again.
      console.error('[keksi-records]', error)
      if (!response.headersSent) answer(response, 500, { error: 'could not store the record' })
      else response.destroy()
    }
  })
}
