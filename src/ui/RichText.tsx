import { Fragment, h } from 'preact'

/**
 * `[label](url)` where the URL is http(s) or relative — the test of `isSafeUrl` in `core/config.ts`, written into
 * the pattern: after any leading characters that are not printable ASCII (browsers skip them), no scheme but
 * http(s). The URL has no white space, so nothing else can hide a scheme.
 */
const LINK = /\[([^\]]+)\]\((?=[^!-~]*(?=[!-~])(?:https?:|(?![a-z][\w+.-]*:)))([^)\s]+)\)/i

/**
 * Renders owner text as text: `[label](url)` becomes a link when the URL is http(s) or relative, anything else
 * stays literal (SPEC §9). Nothing is ever parsed as HTML.
 */
export function RichText({ text }: { text: string }) {
  // Split by the pattern: text, then each link's label and URL, then the text after it.
  const parts = text.split(LINK)
  return (
    <>
      {parts.map((part, i) =>
        i % 3 === 0 ? part : i % 3 === 1 && <a href={parts[i + 1] as string}>{part}</a>
      )}
    </>
  )
}
