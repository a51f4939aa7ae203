/**
 * `npx keksi-records`: the consent-record receiver (README "Proof of consent").
 *
 *   keksi-records --db ./consent.db --port 8787 --origin https://www.example.com --token $TOKEN --retain-days 1095
 */
import { parseArgs } from 'node:util'
import { createReceiver } from './server.js'
import { openStore } from './store.js'

const DAY = 86_400_000
const HELP = `keksi-records: keeps Keksi's consent records, and exports them as proof.

  --db <file|postgres://…>  a SQLite file (default ./consent.db), or a PostgreSQL URL
  --port <n>                default 8787 (PORT)
  --host <address>          default 127.0.0.1; 0.0.0.0 to listen on every interface
  --origin <url>            a site that may post records; repeat, or separate with commas
  --token <secret>          needed to read records (KEKSI_RECORDS_TOKEN); without it, reading is off
  --retain-days <n>         delete records received longer ago (checked at start and hourly)
`

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: './consent.db' },
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    origin: { type: 'string', multiple: true, default: [] },
    token: { type: 'string', default: process.env.KEKSI_RECORDS_TOKEN },
    'retain-days': { type: 'string' },
    help: { type: 'boolean', default: false }
  }
})

if (values.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
const port = Number(values.port)
const retain = values['retain-days'] === undefined ? undefined : Number(values['retain-days'])
if (!Number.isInteger(port) || (retain !== undefined && !(Number.isInteger(retain) && retain > 0))) {
  process.stderr.write(`keksi-records: --port and --retain-days take whole numbers\n\n${HELP}`)
  process.exit(2)
}

const store = await openStore(values.db as string)
const origins = values.origin.flatMap(origin => origin.split(',')).filter(Boolean)
const server = createReceiver({ store, origins, token: values.token })
if (retain) {
  const purge = () => void store.purge(new Date(Date.now() - retain * DAY).toISOString())
  purge()
  setInterval(purge, 3_600_000).unref()
}
server.listen(port, values.host, () => {
  const where = /^postgres/.test(values.db as string) ? 'PostgreSQL' : values.db
  console.log(`keksi-records: http://${values.host}:${port}/records, storing in ${where}`)
})
const stop = () => server.close(() => void store.close().then(() => process.exit(0)))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
