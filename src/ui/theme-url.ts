import type { ResolvedConfig } from '../core/types.js'

/**
 * The stylesheet for the banner: the owner's `css`, none with `css: "none"`, or the theme's file beside the UI bundle.
 * Static `new URL(..., import.meta.url)` calls: bundlers emit the three files and rewrite the URLs, and Rollup's
 * IIFE build turns `import.meta.url` into the script's own URL.
 */
export function themeUrl({ css, theme }: ResolvedConfig): string | undefined {
  if (css) return css === 'none' ? undefined : css
  const url =
    theme === 'dark'
      ? new URL('./themes/dark.css', import.meta.url)
      : theme === 'auto'
        ? new URL('./themes/auto.css', import.meta.url)
        : new URL('./themes/light.css', import.meta.url)
  return url.href
}
