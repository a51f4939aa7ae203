import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { LANGUAGES } from '../ui/texts.js'
import { english } from './en.js'

/** Every English text: what each translation must say. */
const en = english()

/** Every language file Keksi ships, parsed. */
const files = Object.fromEntries(
  readdirSync(new URL('.', import.meta.url))
    .filter(name => name.endsWith('.json'))
    .map(name => [name.slice(0, -5), JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'))])
)

/** The shape of a translation: English's keys; of a service, only its purpose (names are names). */
const shape = (texts: Record<string, unknown>): unknown =>
  Object.fromEntries(
    Object.entries(texts).map(([key, value]) => [
      key,
      key === 'services'
        ? Object.fromEntries(
            Object.entries(value as object).map(([service, words]) => [service, Object.keys(words)])
          )
        : typeof value === 'object' && value
          ? shape(value as Record<string, unknown>)
          : typeof value
    ])
  )

test('a file for each language the UI offers, and no other', () => {
  expect(Object.keys(files).sort()).toEqual([...LANGUAGES].sort())
})

describe.each(LANGUAGES)('%s', lang => {
  const texts = files[lang]

  test('has every text of English, and nothing else', () => {
    const purposes = Object.fromEntries(Object.keys(en.services).map(service => [service, { purpose: '' }]))
    expect(shape(texts)).toEqual(shape({ ...en, services: purposes }))
  })

  test('says everything in words of its own: no empty text, no English left in the sentences', () => {
    const sentences = [
      texts.title,
      texts.description,
      texts.preferencesDescription,
      ...Object.values(texts.categories as Record<string, { description: string }>).map(c => c.description)
    ]
    for (const text of sentences) expect(text.trim().length).toBeGreaterThan(5)
    expect(texts.description).not.toBe(en.description)
    expect(texts.acceptAll).not.toBe(texts.rejectAll)
  })

  test('names its own "Cookie settings" in the description, where the visitor will find it', () => {
    expect(texts.description).toContain(texts.preferencesTitle)
  })
})
