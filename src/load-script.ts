/**
 * Inserts a script into `<head>` with the Keksi tag's CSP nonce (README "Content Security Policy"): Keksi's own
 * files and the vendors' alike. `setup` runs before the insertion, so that auto-blocking already sees what it sets
 * (a `data-consent`).
 */
export function addScript(
  doc: Document,
  src: string,
  nonce: string | undefined,
  setup?: (script: HTMLScriptElement) => void
): void {
  const script = doc.createElement('script')
  script.src = src
  if (nonce) script.nonce = nonce
  setup?.(script)
  doc.head.append(script)
}

/**
 * Loads one of Keksi's own files fetched on demand (README "Sizes"), which publishes itself as `window[global]`. A
 * script that runs but publishes nothing resolves `undefined`, and the caller's first property read rejects: the
 * same failure as a network error. `urgent`: what the visitor waits for (the banner) comes first, where the browser
 * would fetch an inserted script late.
 */
export const loadScript = <T>(
  src: string,
  global: string,
  nonce: string | undefined,
  urgent?: boolean
): Promise<T> =>
  new Promise((resolve, reject) =>
    addScript(document, src, nonce, script => {
      if (urgent) script.fetchPriority = 'high'
      script.onload = () => resolve((window as unknown as Record<string, T>)[global] as T)
      script.onerror = reject
    })
  )
