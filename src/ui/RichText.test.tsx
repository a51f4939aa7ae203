// @vitest-environment happy-dom
import { h, render } from 'preact'
import { afterEach, expect, test } from 'vitest'
import { RichText } from './RichText.js'

let root: HTMLDivElement | undefined

/** Renders owner text into a fresh element, as the banner does. */
const shown = (text: string): HTMLDivElement => {
  root = document.createElement('div')
  document.body.append(root)
  render(<RichText text={text} />, root)
  return root
}

afterEach(() => {
  if (root) render(null, root)
  root?.remove()
})

const links = (element: Element) =>
  [...element.querySelectorAll('a')].map(link => [link.textContent, link.getAttribute('href')])

test('plain text is shown as it is', () => {
  const element = shown('We use cookies.')
  expect(element.textContent).toBe('We use cookies.')
  expect(element.children).toHaveLength(0)
})

test('an https link becomes a link with its label', () => {
  const element = shown('Read our [Privacy policy](https://acme.example/privacy) first.')
  expect(links(element)).toEqual([['Privacy policy', 'https://acme.example/privacy']])
  expect(element.textContent).toBe('Read our Privacy policy first.')
})

test('http and relative links become links', () => {
  const element = shown('[Policy](/privacy), [Terms](terms.html#cookies) and [Old](http://acme.example/old)')
  expect(links(element)).toEqual([
    ['Policy', '/privacy'],
    ['Terms', 'terms.html#cookies'],
    ['Old', 'http://acme.example/old']
  ])
  expect(element.textContent).toBe('Policy, Terms and Old')
})

test.each([
  '[Click me](javascript:alert(1))',
  '[Click me](JavaScript:alert`1`)',
  '[Click me](data:text/html,<script>alert(1)</script>)',
  '[Click me](vbscript:msgbox)'
])('a link to %j stays literal text', text => {
  const element = shown(text)
  expect(element.querySelector('a')).toBeNull()
  expect(element.textContent).toBe(text)
})

test('an unsafe link leaves the safe links around it working', () => {
  const element = shown('[Bad](javascript:alert) then [Good](/privacy).')
  expect(links(element)).toEqual([['Good', '/privacy']])
  expect(element.textContent).toBe('[Bad](javascript:alert) then Good.')
})

test('HTML in owner text is never parsed', () => {
  const element = shown('<b>x</b> <img src=x onerror=alert(1)> [<i>label</i>](/privacy)')
  expect(element.querySelector('b, img, i')).toBeNull()
  expect(element.querySelector('a')?.textContent).toBe('<i>label</i>')
  expect(element.textContent).toBe('<b>x</b> <img src=x onerror=alert(1)> <i>label</i>')
})

test('brackets that are not a link stay as they are', () => {
  const element = shown('Cookies [sic] (and more) [empty]() [spaced](/a b)')
  expect(element.querySelector('a')).toBeNull()
  expect(element.textContent).toBe('Cookies [sic] (and more) [empty]() [spaced](/a b)')
})
