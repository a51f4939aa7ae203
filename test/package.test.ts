import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

// The npm package as users import it: through its own name and `exports` map, in Node, with no DOM.
test('importing keksi in Node without a DOM does not throw, and offers init', async () => {
  expect(typeof document).toBe('undefined')
  const keksi = await import('keksi')
  expect(Object.keys(keksi).sort()).toEqual(['init', 'readConsent'])
  expect(typeof keksi.init).toBe('function')
})

test('the exports map points at files the build makes', async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
  expect(pkg.exports['.']).toEqual({ types: './dist/keksi.d.ts', default: './dist/keksi.mjs' })
  for (const file of ['dist/keksi.mjs', 'dist/keksi.d.ts', 'dist/keksi.js', 'dist/themes/light.css']) {
    expect(readFileSync(file).length, file).toBeGreaterThan(0)
  }
  // The types entry names the public API.
  expect(readFileSync('dist/types/index.d.ts', 'utf8')).toMatch(
    /export declare function init\(config\?: KeksiConfig\): Keksi/
  )
})
