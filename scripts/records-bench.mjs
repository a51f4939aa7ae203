// Throughput of the consent-record receiver: starts the real command (`dist/keksi-records.mjs`, so run
// `npm run build` first) on a temporary SQLite file, or on `--db postgres://…`, posts records with a number of
// requests in flight, and prints records per second. Not a test: `npm test` times nothing.
//   node scripts/records-bench.mjs [--records 20000] [--concurrency 32] [--db postgres://…]
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '32' },
    db: { type: 'string' },
    port: { type: 'string', default: '8791' }
  }
})
const total = Number(values.records)
const concurrency = Number(values.concurrency)
const dir = mkdtempSync(join(tmpdir(), 'keksi-records-bench-'))
const db = values.db ?? join(dir, 'consent.db')
const base = `http://127.0.0.1:${values.port}`

const receiver = spawn(process.execPath, ['dist/keksi-records.mjs', '--db', db, '--port', values.port], {
  stdio: ['ignore', 'pipe', 'inherit']
})
await new Promise(resolve => receiver.stdout.once('data', resolve))

const texts = JSON.stringify({
  title: 'Cookies on Acme',
  description: 'We use analytics. [Privacy](/privacy)'
})
const textsHash = createHash('sha256').update(texts).digest('hex')
/** @param {number} i */
const body = i =>
  JSON.stringify({
    version: 1,
    consentId: `b${String(i).padStart(8, '0')}${Date.now().toString(36).slice(-7)}`,
    decidedAt: new Date().toISOString(),
    revision: 1,
    method: i % 3 ? 'accept-all' : 'reject-all',
    categories: { necessary: true, analytics: i % 3 !== 0, embeds: i % 3 !== 0 },
    services: { ga4: i % 3 !== 0, hubspot: i % 3 !== 0, hotjar: i % 3 !== 0, youtube: i % 3 !== 0 },
    page: 'https://www.acme.example/pricing',
    language: 'en',
    textsHash,
    ...(i === 0 && { texts })
  })

let next = 0
let failed = 0
const started = performance.now()
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const response = await fetch(`${base}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(next++)
      })
      await response.arrayBuffer()
      if (response.status !== 201) failed++
    }
  })
)
const seconds = (performance.now() - started) / 1000
console.log(
  `${total} records, ${concurrency} in flight, ${values.db ? 'PostgreSQL' : 'SQLite'}: ${Math.round(total / seconds)} records/s (${seconds.toFixed(1)} s, ${failed} not 201)`
)
receiver.kill()
rmSync(dir, { recursive: true, force: true })
