import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// In a real app `keksi` comes from node_modules; here it is this repository's own npm build. The app and Keksi
// share one Preact and one nanostores: Keksi's npm build leaves both to the app's bundler.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { keksi: fileURLToPath(new URL('../../dist/keksi.mjs', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 }
})
