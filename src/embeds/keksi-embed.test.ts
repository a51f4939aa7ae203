import { expect, test } from 'vitest'
import { enEmbeds } from '../i18n/en.js'
import { embedTexts } from './keksi-embed.js'

test('the placeholders’ words: English, then the translation, then the owner’s, field by field; only strings count', () => {
  const texts = embedTexts(
    { loadVideo: 'Lataa video', services: { youtube: { provider: 'Google Ireland Ltd' } } },
    { categories: { marketing: { title: 'Markkinointi' }, embeds: 'not an object' } },
    { alwaysAllow: 'Salli aina', load: 5, services: { youtube: { name: 'YouTube-video', purpose: null } } }
  )
  expect(texts).toEqual({
    ...enEmbeds,
    loadVideo: 'Lataa video',
    alwaysAllow: 'Salli aina',
    categories: { ...enEmbeds.categories, marketing: { title: 'Markkinointi' } },
    services: { youtube: { name: 'YouTube-video', provider: 'Google Ireland Ltd' } }
  })
  // The layers are not changed.
  expect(enEmbeds.loadVideo).toBe('Load video')
})
