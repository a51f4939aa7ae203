/**
 * `keksi-embed.js`: the placeholders of embeds held back (README "Markup"), fetched by keksi.js when the gate
 * holds a frame. No Preact and no banner: a return view of a page with a video downloads this, the theme's
 * placeholder stylesheet and, for a language other than English, its file (README "Sizes").
 */
import { isObject } from '../core/config.js'
import type { ResolvedConfig } from '../core/types.js'
import { enEmbeds } from '../i18n/en.js'
import type { Keksi } from '../keksi.js'
import { pickLanguage, translation } from '../ui/texts.js'
import { embedThemeUrl } from '../ui/theme-url.js'
import { type EmbedTexts, placeholders } from './placeholders.js'

type Layer = Record<string, unknown>

/**
 * The placeholders' words, layer over layer: Keksi's English, its translation, then the owner's `categories` and
 * `texts.<lang>`. Only strings are taken; the UI reports the owner's mistakes when it loads.
 */
export const embedTexts = (...layers: unknown[]): EmbedTexts => {
  const texts = { ...enEmbeds, categories: {}, services: {} } as unknown as EmbedTexts & Layer
  for (const layer of [enEmbeds, ...layers].filter(isObject)) {
    for (const key of ['embedNote', 'loadVideo', 'load', 'alwaysAllow']) {
      if (typeof layer[key] === 'string') texts[key] = layer[key]
    }
    for (const group of ['categories', 'services'] as const) {
      if (!isObject(layer[group])) continue
      for (const [name, fields] of Object.entries(layer[group] as Layer)) {
        if (!isObject(fields)) continue
        const kept = { ...texts[group][name] } as Layer
        for (const [field, text] of Object.entries(fields)) if (typeof text === 'string') kept[field] = text
        ;(texts[group] as Layer)[name] = kept
      }
    }
  }
  return texts
}

/** Starts the placeholders once the visitor's language has loaded; resolves the function that redraws them. */
export function mount(keksi: Keksi, config: ResolvedConfig, doc: Document): Promise<() => void> {
  return translation(pickLanguage(config, doc, navigator.languages)).then(({ lang, words }) => {
    const owner = Object.entries(config.texts).find(([key]) => key.toLowerCase() === lang)?.[1]
    const texts = embedTexts(words, { categories: config.categoryTexts }, owner)
    const draw = placeholders(keksi, config, doc, { lang, texts }, embedThemeUrl(config))
    draw()
    return draw
  })
}
