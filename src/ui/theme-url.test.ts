import { expect, test } from 'vitest'
import { resolveConfig } from '../core/config.js'
import { builtIns } from '../services/built-ins.js'
import { themeUrl } from './theme-url.js'

const configWith = (options: object) => resolveConfig({ policyUrl: '/p', ...options }, builtIns, () => {})

test('the theme stylesheet comes from beside the UI, per theme', () => {
  const here = new URL('./themes/', import.meta.url).href
  expect(themeUrl(configWith({}))).toBe(`${here}light.css`)
  expect(themeUrl(configWith({ theme: 'dark' }))).toBe(`${here}dark.css`)
  expect(themeUrl(configWith({ theme: 'auto' }))).toBe(`${here}auto.css`)
})

test("the owner's css replaces the theme, and none means no stylesheet", () => {
  expect(themeUrl(configWith({ css: '/brand/keksi.css' }))).toBe('/brand/keksi.css')
  expect(themeUrl(configWith({ css: 'none' }))).toBeUndefined()
})
