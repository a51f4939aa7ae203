import { page } from '../services/page.js'

/**
 * Google's `gtag()`: pushes its `arguments` object onto `dataLayer`, exactly as Google's snippet does (gtag.js and
 * GTM tell a command from an event by that). It does not define `window.gtag`, which stays the page's.
 *
 * @example
 * gtag('consent', 'update', { analytics_storage: 'granted' })
 */
export function gtag(..._: unknown[]): void {
  page.dataLayer ??= []
  // biome-ignore lint/complexity/noArguments: Google's tags read the Arguments object, not an array.
  ;(page.dataLayer as unknown[]).push(arguments)
}
