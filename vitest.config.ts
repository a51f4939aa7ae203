import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    // Browser tests start Chromium and load pages: seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
