import pg from 'pg'
import { fromRow, type Query, row, SCHEMA, type Store } from './store.js'

/** Records in PostgreSQL, for owners who outgrow one machine: the same tables and behaviour as the SQLite store. */
export async function postgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  for (const statement of SCHEMA) await pool.query(statement)
  return {
    async put(record, receivedAt) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        if (record.texts && record.textsHash)
          await client.query('insert into texts values ($1, $2, $3) on conflict do nothing', [
            record.textsHash,
            record.texts,
            receivedAt
          ])
        const { rowCount } = await client.query(
          'insert into records values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing',
          row(record, receivedAt)
        )
        await client.query('commit')
        return rowCount === 1
      } catch (error) {
        await client.query('rollback')
        throw error
      } finally {
        client.release()
      }
    },
    async find({ consentId, from, to }: Query) {
      const where: string[] = []
      const values: string[] = []
      if (consentId) values.push(consentId) && where.push(`consent_id = $${values.length}`)
      if (from) values.push(from) && where.push(`decided_at >= $${values.length}`)
      if (to) values.push(to) && where.push(`decided_at < $${values.length}`)
      const { rows } = await pool.query(
        `select records.*, texts.texts from records left join texts on texts.hash = records.texts_hash
         ${where.length ? `where ${where.join(' and ')}` : ''} order by decided_at, consent_id`,
        values
      )
      return rows.map(fromRow)
    },
    async purge(before) {
      const { rowCount } = await pool.query('delete from records where received_at < $1', [before])
      await pool.query(
        'delete from texts where hash not in (select texts_hash from records where texts_hash is not null)'
      )
      return rowCount ?? 0
    },
    async close() {
      await pool.end()
    }
  }
}
