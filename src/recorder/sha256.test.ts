import { createHash } from 'node:crypto'
import { expect, test } from 'vitest'
import { sha256 } from './sha256.js'

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

test('SHA-256 matches FIPS 180-4’s examples and Node’s own, at every block boundary and in any script', () => {
  expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  for (let length = 0; length < 200; length++)
    expect(sha256('x'.repeat(length))).toBe(node('x'.repeat(length)))
  const texts = JSON.stringify({ title: 'Evästeet', description: 'Ελληνικά 中文 🍪' })
  expect(sha256(texts)).toBe(node(texts))
})
