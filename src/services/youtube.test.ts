import { expect, test } from 'vitest'
import { privacyEnhanced } from './youtube.js'

test('a YouTube player, as YouTube’s embed code writes it, loads from the privacy-enhanced domain', () => {
  expect(privacyEnhanced('https://www.youtube.com/embed/VIDEO_ID?start=30')).toBe(
    'https://www.youtube-nocookie.com/embed/VIDEO_ID?start=30'
  )
  expect(privacyEnhanced('//www.youtube.com/embed/VIDEO_ID')).toBe(
    '//www.youtube-nocookie.com/embed/VIDEO_ID'
  )
})

test('any other URL loads as written', () => {
  for (const url of [
    'https://www.youtube-nocookie.com/embed/VIDEO_ID',
    'https://maps.example.org/embed/www.youtube.com',
    '/local/frame.html'
  ])
    expect(privacyEnhanced(url)).toBe(url)
})
