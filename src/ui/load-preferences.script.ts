import { loadScript } from '../load-script.js'
import type * as Preferences from './Preferences.js'

// Read while keksi-ui.js runs: `currentScript` is null afterwards.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce

/**
 * `keksi-ui.js`'s `load-preferences.ts`: `keksi-preferences.js` from beside it, with the nonce keksi.js gave it
 * (README "Content Security Policy"). It publishes itself as `keksiPreferences`.
 */
export const loadPreferences = (): Promise<typeof Preferences> =>
  loadScript(new URL('keksi-preferences.js', import.meta.url).href, 'keksiPreferences', nonce)
