import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// In a real app `keksi` comes from node_modules; here it is this repository's own npm build.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { keksi: fileURLToPath(new URL('../../dist/keksi.mjs', import.meta.url)) } },
  // Emit the theme stylesheets as files (not data: URLs), which a strict style-src 'self' allows.
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 }
})
