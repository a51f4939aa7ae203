/**
 * The preferences dialog, fetched when a visitor first opens it (README "Sizes"). From npm, a dynamic import that
 * the site's bundler splits off; `keksi-ui.js` is built with `load-preferences.script.ts` in this file's place.
 */
export const loadPreferences = (): Promise<typeof import('./Preferences.js')> => import('./Preferences.js')
