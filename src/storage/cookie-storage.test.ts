// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://shop.example/"}
import { afterEach, expect, test } from 'vitest'
import { cookieStorage } from './cookie-storage.js'

/** Records what is written to document.cookie, and serves `jar` when it is read. */
const capture = (jar = '') => {
  const writes: string[] = []
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => jar,
    set: (value: string) => writes.push(value)
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
  expect(writes).toEqual([`keksi=1.1.abc;expires=${EXPIRES.toUTCString()};path=/;samesite=lax;secure`])
})

test('on http it is not Secure, and a configured domain is written', () => {
  const writes = capture()
  cookieStorage({ name: 'keksi', secure: false, domain: 'example.com' }).write('v', EXPIRES)
  expect(writes).toEqual([`keksi=v;expires=${EXPIRES.toUTCString()};path=/;samesite=lax;domain=example.com`])
})

test('Secure follows the page: on an https page the cookie is Secure without being told', () => {
  expect(location.protocol).toBe('https:')
  const writes = capture()
  cookieStorage({ name: 'keksi' }).write('v', EXPIRES)
  expect(writes).toEqual([`keksi=v;expires=${EXPIRES.toUTCString()};path=/;samesite=lax;secure`])
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
  expect(writes).toEqual([
    `keksi=;expires=${new Date(0).toUTCString()};path=/;samesite=lax;domain=example.com`
  ])
})
