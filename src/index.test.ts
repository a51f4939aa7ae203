import { expect, test } from 'vitest'

test('importing the npm entry where there is no DOM, as in Node or server rendering, does not throw', async () => {
  expect(typeof document).toBe('undefined')
  expect(typeof window).toBe('undefined')
  await expect(import('./index.js')).resolves.toBeDefined()
})

test('the npm entry exports defineConfig, init and readConsent, nothing else, at runtime', async () => {
  const entry = await import('./index.js')
  expect(Object.keys(entry).sort()).toEqual(['defineConfig', 'init', 'readConsent'])
  const config = { policyUrl: '/privacy' }
  expect(entry.defineConfig(config)).toBe(config)
  expect(typeof entry.init).toBe('function')
})
