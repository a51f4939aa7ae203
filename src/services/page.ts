/**
 * The page's `window`, with the globals vendors read and write (`dataLayer`, `_hsp`, `ga-disable-<id>`). It is
 * `globalThis`, so that importing a vendor where there is no DOM (Node, server rendering) does not throw.
 */
export const page = globalThis as unknown as Record<string, unknown>
