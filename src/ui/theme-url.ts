import type { ResolvedConfig } from '../core/types.js'

/**
 * The stylesheet for the banner: the owner's `css`, none with `css: "none"`, or the theme's file beside the UI bundle.
 * Static `new URL(..., import.meta.url)` calls: bundlers emit the files and rewrite the URLs, and Rollup's IIFE
 * build turns `import.meta.url` into the script's own URL.
 */
export function themeUrl({ css, theme }: ResolvedConfig): string | undefined {
  if (css) return css === 'none' ? undefined : css
  const themes = {
    light: new URL('./themes/light.css', import.meta.url),
    dark: new URL('./themes/dark.css', import.meta.url),
    auto: new URL('./themes/auto.css', import.meta.url)
  }
  return themes[theme].href
}

/**
 * The stylesheet for the placeholders of embeds: the owner's `css` or none as for the banner, else the theme's
 * `embed-` file, which leaves out the banner's and the preferences' rules (README "Themes").
 */
export function embedThemeUrl({ css, theme }: ResolvedConfig): string | undefined {
  if (css) return css === 'none' ? undefined : css
  const themes = {
    light: new URL('./themes/embed-light.css', import.meta.url),
    dark: new URL('./themes/embed-dark.css', import.meta.url),
    auto: new URL('./themes/embed-auto.css', import.meta.url)
  }
  return themes[theme].href
}
