/**
 * The consent-record receiver over real HTTP, on SQLite (a temporary file) and, when `DATABASE_URL` names one, on
 * PostgreSQL: the same tests for both stores.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv from 'ajv'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ConsentRecord } from '../recorder/record.js'
import schema from './keksi-record.schema.json' with { type: 'json' }
import { createReceiver } from './server.js'
import { openStore, type Store } from './store.js'
import { MAX_BYTES, validate } from './validate.js'

const TEXTS = JSON.stringify({ title: 'Cookies on Acme', acceptAll: 'Accept all', rejectAll: 'Reject all' })
const HASH = createHash('sha256').update(TEXTS).digest('hex')
const ORIGIN = 'https://www.acme.example'
const TOKEN = 'proof-token-123'

let next = 0
/** A valid record; each call a new consent id. */
const record = (fields: Partial<ConsentRecord> = {}): ConsentRecord => ({
  version: 1,
  consentId: `c${String(next++).padStart(15, '0')}`,
  decidedAt: '2026-12-06T10:00:00.000Z',
  revision: 1,
  method: 'custom',
  categories: { necessary: true, analytics: true, embeds: false },
  services: { ga4: true, youtube: false },
  page: 'https://www.acme.example/pricing',
  language: 'en',
  textsHash: HASH,
  ...fields
})

describe('validation', () => {
  const matches = new Ajv({ strict: true, allErrors: true }).compile(schema)
  const bad: [string, unknown][] = [
    ['an array', []],
    ['an unknown version', { ...record(), version: 2 }],
    ['no version', { ...record(), version: undefined }],
    ['a consent id of the wrong length', record({ consentId: 'short' })],
    ['a time that is not ISO 8601 UTC', record({ decidedAt: 'yesterday' })],
    ['a revision that is a string', { ...record(), revision: '1' }],
    ['an unknown method', { ...record(), method: 'implied' }],
    ['a grant that is not a boolean', { ...record(), categories: { analytics: 'yes' } }],
    ['a script as a category name', { ...record(), services: { '<script>alert(1)</script>': true } }],
    ['a script as the language', record({ language: '<script>alert(1)</script>' })],
    ['a javascript: page', record({ page: 'javascript:alert(1)' })],
    ['a page with its query', record({ page: 'https://www.acme.example/?email=a@b.example' })],
    ['an extra field (an IP address)', { ...record(), ip: '203.0.113.7' }],
    ['a hash that is not hex', record({ textsHash: 'x'.repeat(64) })]
  ]
  test.each(bad)('refuses %s, as the schema does', (_, value) => {
    expect(validate(value)).toHaveProperty('error')
    expect(matches(value)).toBe(false)
  })

  test('takes a record with its wording, or without (the API, GPC), as the schema does', () => {
    for (const value of [record({ texts: TEXTS }), record({ textsHash: null, method: 'gpc' })]) {
      expect(validate(value)).toEqual({ record: value })
      expect(matches(value)).toBe(true)
    }
  })

  test('refuses wording that is not a JSON object (which the schema, a string’s, cannot say)', () => {
    const texts = '<script>alert(1)</script>'
    expect(validate(record({ texts, textsHash: createHash('sha256').update(texts).digest('hex') }))).toEqual({
      error: 'texts: missing or malformed'
    })
  })

  test('refuses wording its hash does not name', () => {
    expect(validate(record({ texts: JSON.stringify({ title: 'Other words' }) }))).toEqual({
      error: 'texts: do not match textsHash'
    })
  })
})

const stores: [string, () => Promise<Store>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'keksi-records-'))
      afterAll(() => rmSync(dir, { recursive: true, force: true }))
      return openStore(join(dir, 'consent.db'))
    }
  ]
]
if (process.env.DATABASE_URL) stores.push(['PostgreSQL', () => openStore(process.env.DATABASE_URL as string)])

describe.each(stores)('the receiver on %s', (_, open) => {
  let store: Store
  let base = ''
  const server = () => createReceiver({ store, origins: [ORIGIN], token: TOKEN })
  let running: ReturnType<typeof server>
  beforeAll(async () => {
    store = await open()
    running = server()
    await new Promise<void>(resolve => running.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(running.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise(resolve => running.close(resolve))
    await store.close()
  })

  const post = (body: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
    fetch(`${base}/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
  const get = (query: string, token = TOKEN) =>
    fetch(`${base}/records?${query}`, { headers: { authorization: `Bearer ${token}` } })

  test('keeps a record with its wording, answers 201 once written, and 200 to a resend', async () => {
    const sent = record({ texts: TEXTS })
    const first = await post(sent)
    expect(first.status).toBe(201)
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect((await post(sent)).status).toBe(200)
    const found = await (await get(`consentId=${sent.consentId}`)).json()
    expect(found).toHaveLength(1)
    const { texts, receivedAt, ...kept } = found[0]
    expect(kept).toEqual({ ...sent, texts: undefined, textsHash: HASH })
    expect(texts).toEqual(JSON.parse(TEXTS))
    expect(Date.parse(receivedAt)).toBeGreaterThan(Date.now() - 60_000)
  })

  test('a later record of the same wording comes without it, and still exports with it', async () => {
    const later = record({ method: 'reject-all' })
    expect((await post(later)).status).toBe(201)
    const [found] = await (await get(`consentId=${later.consentId}`)).json()
    expect(found.texts).toEqual(JSON.parse(TEXTS))
  })

  test('bad input gets a clear 4xx, and nothing of it is stored', async () => {
    const id = record().consentId
    const answers = await Promise.all([
      post('{"version": 1,'),
      post({ ...record({ consentId: id }), method: 'implied' }),
      post({ ...record({ consentId: id }), version: 2 }),
      post(record({ consentId: id, language: '<img src=x onerror=alert(1)>' })),
      post(JSON.stringify(record({ consentId: id, texts: 'x'.repeat(MAX_BYTES) })))
    ])
    expect(answers.map(answer => answer.status)).toEqual([400, 422, 422, 422, 413])
    expect(await answers[1]?.json()).toEqual({ error: 'method: missing or malformed' })
    expect(await (await get(`consentId=${id}`)).json()).toEqual([])
  })

  test('CORS: the owner’s sites may post (preflight included), any other origin is refused and stores nothing', async () => {
    const preflight = await fetch(`${base}/records`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' }
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type')
    const foreign = record()
    const refused = await post(foreign, { origin: 'https://evil.example' })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect(await (await get(`consentId=${foreign.consentId}`)).json()).toEqual([])
  })

  test('reading needs the token', async () => {
    expect((await get('consentId=x', 'wrong')).status).toBe(401)
    expect((await fetch(`${base}/records?consentId=x`)).status).toBe(401)
    expect((await get('')).status).toBe(400)
  })

  test('exports by time range, as CSV too, with cells a spreadsheet will not run', async () => {
    const early = record({ decidedAt: '2020-01-01T00:00:00.000Z', page: 'https://www.acme.example/=cmd' })
    expect((await post(early)).status).toBe(201)
    const json = await (await get('from=2019-12-31T00:00:00Z&to=2020-01-02T00:00:00Z')).json()
    expect(json.map((found: ConsentRecord) => found.consentId)).toEqual([early.consentId])
    const csv = await (await get('from=2019-12-31T00:00:00Z&to=2020-01-02T00:00:00Z&format=csv')).text()
    const [header, line] = csv.trim().split('\r\n')
    expect(header).toBe(
      'consentId,decidedAt,method,revision,categories,services,page,language,textsHash,receivedAt,texts'
    )
    expect(line).toContain(`"${early.consentId}","2020-01-01T00:00:00.000Z","custom","1"`)
    expect(line).toContain('"https://www.acme.example/=cmd"')
  })

  test('hundreds of records posted at once are every one kept', async () => {
    const many = Array.from({ length: 400 }, () => record({ decidedAt: '2021-06-01T12:00:00.000Z' }))
    const answers = await Promise.all(many.map(sent => post(sent)))
    expect(answers.every(answer => answer.status === 201)).toBe(true)
    const found = await (await get('from=2021-06-01T00:00:00Z&to=2021-06-02T00:00:00Z')).json()
    expect(found.map((kept: ConsentRecord) => kept.consentId).sort()).toEqual(
      many.map(sent => sent.consentId).sort()
    )
  })

  test('retention deletes records received before the cut, and keeps the rest', async () => {
    const kept = record()
    await post(kept)
    expect(await store.purge('2000-01-01T00:00:00.000Z')).toBe(0)
    expect(await store.purge(new Date(Date.now() + 1000).toISOString())).toBeGreaterThan(0)
    expect(await (await get(`consentId=${kept.consentId}`)).json()).toEqual([])
  })
})
