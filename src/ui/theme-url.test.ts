import { expect, test } from 'vitest'
import { resolveConfig } from '../core/config.js'
import { builtIns } from '../services/built-ins.js'
import { embedThemeUrl, themeUrl } from './theme-url.js'

const configWith = (options: object) => resolveConfig({ policyUrl: '/p', ...options }, builtIns, () => {})

test('the theme stylesheet comes from beside the UI, per theme', () => {
  const here = new URL('./themes/', import.meta.url).href
  expect(themeUrl(configWith({}))).toBe(`${here}light.css`)
  expect(themeUrl(configWith({ theme: 'dark' }))).toBe(`${here}dark.css`)
  expect(themeUrl(configWith({ theme: 'auto' }))).toBe(`${here}auto.css`)
})

test("the placeholders get the theme without the banner and the preferences, or the owner's css", () => {
  const here = new URL('./themes/', import.meta.url).href
  expect(embedThemeUrl(configWith({}))).toBe(`${here}embed-light.css`)
  expect(embedThemeUrl(configWith({ theme: 'dark' }))).toBe(`${here}embed-dark.css`)
  expect(embedThemeUrl(configWith({ theme: 'auto' }))).toBe(`${here}embed-auto.css`)
  expect(embedThemeUrl(configWith({ css: '/brand/keksi.css' }))).toBe('/brand/keksi.css')
  expect(embedThemeUrl(configWith({ css: 'none' }))).toBeUndefined()
})

test("the owner's css replaces the theme, and none means no stylesheet", () => {
  expect(themeUrl(configWith({ css: '/brand/keksi.css' }))).toBe('/brand/keksi.css')
  expect(themeUrl(configWith({ css: 'none' }))).toBeUndefined()
})
