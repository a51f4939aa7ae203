import { matches } from './cookie-storage.js'

/**
 * Deletes the `localStorage` and `sessionStorage` keys that match `patterns` (names or `prefix*`). Where the browser
 * blocks storage, reading it throws: then there is nothing of ours to delete.
 *
 * @example
 * clearStorage(['_hj*', 'hjViewportId'])
 */
export function clearStorage(patterns: string[]): void {
  if (!patterns.length) return
  try {
    for (const area of [localStorage, sessionStorage]) {
      for (const key of Object.keys(area))
        if (patterns.some(pattern => matches(key, pattern))) area.removeItem(key)
    }
  } catch {}
}
