import { Fragment, h } from 'preact'
import { isSafeUrl } from '../core/config.js'

/** `[label](url)`, the URL without white space. */
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/

/**
 * Renders owner text as text: `[label](url)` becomes a link when `isSafeUrl` allows the URL (http(s) or relative),
 * anything else stays literal (README "Options", texts). Nothing is ever parsed as HTML.
 */
export function RichText({ text }: { text: string }) {
  // Split by the pattern: text, then each link's label and URL, then the text after it.
  const parts = text.split(LINK)
  return (
    <>
      {parts.map((part, i) => {
        if (i % 3 === 0) return part
        if (i % 3 === 2) return null
        const url = parts[i + 1] as string
        return isSafeUrl(url) ? <a href={url}>{part}</a> : `[${part}](${url})`
      })}
    </>
  )
}
