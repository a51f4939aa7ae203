// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.shop.example/"}
import { afterEach, expect, test } from 'vitest'
import { clearCookies, cookieStorage, matches } from './cookie-storage.js'

/** Records each `document.cookie` write as its name=value and its attributes (lower-cased), and serves `jar`. */
const capture = (jar = '') => {
  const writes: { cookie: string; attributes: Record<string, string> }[] = []
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => jar,
    set: (value: string) => {
      const [cookie = '', ...rest] = value.split(/;\s*/)
      const attributes = Object.fromEntries(
        rest.map(part => {
          const [key = '', ...values] = part.split('=')
          return [key.toLowerCase(), values.join('=')]
        })
      )
      writes.push({ cookie, attributes })
    }
  })
  return writes
}
afterEach(() => {
  delete (document as { cookie?: string }).cookie
})

const EXPIRES = new Date(Date.UTC(2027, 4, 26, 12))

test('on https the cookie is Secure; it is always Path=/ and SameSite=Lax, host-only by default', () => {
  const writes = capture()
  cookieStorage({ name: 'keksi', secure: true }).write('1.1.abc', EXPIRES)
  expect(writes).toEqual([
    {
      cookie: 'keksi=1.1.abc',
      attributes: { path: '/', samesite: 'lax', secure: '', expires: EXPIRES.toUTCString() }
    }
  ])
})

test('on http it is not Secure, and a configured domain is written', () => {
  const writes = capture()
  cookieStorage({ name: 'keksi', secure: false, domain: 'example.com' }).write('v', EXPIRES)
  expect(writes).toEqual([
    {
      cookie: 'keksi=v',
      attributes: { path: '/', samesite: 'lax', domain: 'example.com', expires: EXPIRES.toUTCString() }
    }
  ])
})

test('Secure follows the page: on an https page the cookie is Secure without being told', () => {
  const writes = capture()
  cookieStorage({ name: 'keksi' }).write('v', EXPIRES)
  expect(writes[0]?.attributes).toHaveProperty('secure')
})

test('reads its own cookie among others, and nothing from a cookie whose name only ends the same', () => {
  capture('other=1; mykeksi=nope; keksi=1.2.3; last=x')
  expect(cookieStorage({ name: 'keksi' }).read()).toBe('1.2.3')
  capture('mykeksi=nope')
  expect(cookieStorage({ name: 'keksi' }).read()).toBeUndefined()
})

test('clearing writes the cookie expired, with the same path and domain', () => {
  const writes = capture()
  cookieStorage({ name: 'keksi', secure: false, domain: 'example.com' }).clear()
  expect(writes).toHaveLength(1)
  expect(writes[0]?.cookie).toBe('keksi=')
  expect(writes[0]?.attributes).toMatchObject({ path: '/', domain: 'example.com' })
  expect(new Date(writes[0]?.attributes.expires as string).getTime()).toBeLessThan(Date.now())
})

test('a pattern is a name, or a prefix ending in *', () => {
  expect(matches('_ga', '_ga')).toBe(true)
  expect(matches('_gat', '_ga')).toBe(false)
  expect(matches('_ga_ABC', '_ga_*')).toBe(true)
  expect(matches('_g', '_ga_*')).toBe(false)
})

test('clearing a vendor’s cookies removes each matching one on this host and on every parent domain', () => {
  const writes = capture('_ga=1; _ga_XYZ=2; keksi=1.2.3; _gid=3')
  clearCookies(['_ga', '_ga_*'], 'www.shop.example')
  const removed = writes.map(({ cookie, attributes }) => `${cookie} ${attributes.domain ?? 'host'}`)
  expect(removed).toEqual([
    '_ga= host',
    '_ga= www.shop.example',
    '_ga= shop.example',
    '_ga_XYZ= host',
    '_ga_XYZ= www.shop.example',
    '_ga_XYZ= shop.example'
  ])
  for (const { attributes } of writes)
    expect(new Date(attributes.expires as string).getTime()).toBeLessThan(Date.now())
})
