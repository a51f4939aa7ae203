import { Fragment, h } from 'preact'
import { isSafeUrl } from '../core/config.js'

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g

/**
 * Renders owner text as text: `[label](url)` becomes a link when the URL is http(s) or relative, anything else
 * stays literal (SPEC §9). Nothing is ever parsed as HTML.
 */
export function RichText({ text }: { text: string }) {
  const parts: (string | preact.JSX.Element)[] = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    const [whole, label, url] = match as unknown as [string, string, string]
    if (!isSafeUrl(url)) continue
    parts.push(text.slice(last, match.index), <a href={url}>{label}</a>)
    last = (match.index ?? 0) + whole.length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}
