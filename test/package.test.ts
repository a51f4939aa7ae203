import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

// The npm package as users import it: through its own name and `exports` map, in Node, with no DOM.
test('importing keksi in Node without a DOM does not throw, and offers init', async () => {
  expect(typeof document).toBe('undefined')
  const keksi = await import('keksi')
  expect(Object.keys(keksi).sort()).toEqual(['defineConfig', 'init', 'readConsent'])
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

// V8 compiles every function of these with the file (rollup.config.mjs, COMPILE_ALL): their code runs as they load.
// The hint is a comment: a minifier update that drops it would lose a quarter of a return view's script time unseen.
test('the browser files whose code runs as they load start with the compile-all hint, and only those', () => {
  // The first line's start: a failure names what is there instead, not the whole minified file.
  const first = (file: string): string =>
    readFileSync(`dist/${file}`, 'utf8').slice(0, 40).split('\n', 1)[0] ?? ''
  for (const file of ['keksi.js', 'keksi-ui.js', 'keksi-preferences.js'])
    expect(first(file), file).toBe('//# allFunctionsCalledOnLoad')
  for (const file of ['keksi-embed.js', 'keksi-describe.js', 'keksi-record.js', 'keksi-debug.js'])
    expect(first(file), file).not.toMatch(/^\/\/#/)
})

/** The files `npm pack` would publish, as npm itself lists them (no build, no scripts). */
const packed = (): string[] => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8'
  })
  return JSON.parse(output)[0].files.map((file: { path: string }) => file.path)
}

test('npm pack publishes the bundles, themes, languages, types, schema and licence, and no sources or tests', () => {
  const files = packed()
  for (const file of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'dist/keksi.js',
    'dist/keksi-ui.js',
    'dist/keksi-preferences.js',
    'dist/keksi-describe.js',
    'dist/keksi.mjs',
    'dist/keksi.d.ts',
    'dist/types/index.d.ts',
    'dist/themes/light.css',
    'dist/themes/dark.css',
    'dist/themes/auto.css',
    'dist/themes/embed-light.css',
    'dist/themes/embed-dark.css',
    'dist/themes/embed-auto.css',
    'dist/keksi-embed.js',
    'dist/i18n/fi.json',
    'dist/i18n/sv.json',
    'dist/keksi-config.schema.json',
    'dist/keksi-record.js',
    'dist/keksi-record.schema.json',
    'dist/keksi-records.mjs',
    'dist/keksi-records-sqlite.mjs',
    'dist/keksi-records-postgres.mjs',
    'themes/base.css',
    'themes/ui.css'
  ]) {
    expect(files, file).toContain(file)
  }
  expect(files.filter(file => file.startsWith('dist/i18n/'))).toHaveLength(24)
  expect(
    files.filter(file => /^(src|test|examples|scripts|bench|docs)\/|\.test\.|\.map$/.test(file))
  ).toEqual([])
})

test('every target of the exports map is in the package, for ESM and TypeScript users alike', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
  const files = packed()
  const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap(
    target => (typeof target === 'string' ? [target] : Object.values(target))
  )
  for (const target of targets) {
    const pattern = new RegExp(`^${target.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace('*', '.+')}$`)
    expect(
      files.some(file => pattern.test(file)),
      target
    ).toBe(true)
    if (!target.includes('*')) expect(existsSync(target), target).toBe(true)
  }
  expect(pkg.types ?? pkg.exports['.'].types).toBe('./dist/keksi.d.ts')
  // The receiver's command, for `npx keksi-records`.
  expect(files).toContain(pkg.bin['keksi-records'])
})
