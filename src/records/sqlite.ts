import Database from 'better-sqlite3'
import { fromRow, type Query, row, SCHEMA, type Store } from './store.js'

/**
 * Records in one SQLite file, in WAL mode: writes are durable when `put` returns (each in its own transaction) and
 * readers never wait for them.
 */
export function sqliteStore(file: string): Store {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  for (const statement of SCHEMA) db.exec(statement)
  const insert = db.prepare('insert or ignore into records values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insertTexts = db.prepare('insert or ignore into texts values (?, ?, ?)')
  const put = db.transaction((values: unknown[], texts: [string, string, string] | undefined) => {
    if (texts) insertTexts.run(...texts)
    return insert.run(...values).changes === 1
  })
  return {
    async put(record, receivedAt) {
      return put(
        row(record, receivedAt),
        record.texts && record.textsHash ? [record.textsHash, record.texts, receivedAt] : undefined
      )
    },
    async find({ consentId, from, to }: Query) {
      const where: string[] = []
      const values: string[] = []
      if (consentId) where.push('consent_id = ?') && values.push(consentId)
      if (from) where.push('decided_at >= ?') && values.push(from)
      if (to) where.push('decided_at < ?') && values.push(to)
      const rows = db
        .prepare(
          `select records.*, texts.texts from records left join texts on texts.hash = records.texts_hash
           ${where.length ? `where ${where.join(' and ')}` : ''} order by decided_at, consent_id`
        )
        .all(...values) as Record<string, unknown>[]
      return rows.map(fromRow)
    },
    async purge(before) {
      const { changes } = db.prepare('delete from records where received_at < ?').run(before)
      db.prepare(
        'delete from texts where hash not in (select texts_hash from records where texts_hash is not null)'
      ).run()
      return changes
    },
    async close() {
      db.close()
    }
  }
}
