// The size check (README "Sizes"): what a browser downloads, brotli-compressed, against its budget. Byte counts are
// deterministic, so a breach fails `npm test` and CI, and prints every size.
import { readdirSync, readFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

// KiB, as the budgets in README "Sizes" are.
const KB = 1024
/** @param {string} file */
const sizeOf = file => {
  const bytes = readFileSync(new URL(`../dist/${file}`, import.meta.url))
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  }
}

const languages = readdirSync(new URL('../dist/i18n', import.meta.url)).map(file => `i18n/${file}`)
const [largest = 'i18n/fi.json'] = [...languages].sort((a, b) => sizeOf(b).brotli - sizeOf(a).brotli)
const FIRST_VIEW = ['keksi.js', 'keksi-ui.js', 'themes/auto.css']

/**
 * Each budget: the files one kind of page view downloads, and the most their brotli bytes may add up to. keksi.js,
 * the return view with a blocked embed and the two first views are the product's (README "Sizes"); the rest keep each
 * lazily fetched file's share in sight.
 */
const BUDGETS = [
  { what: 'return view: keksi.js', files: ['keksi.js'], budget: 7 * KB },
  // The placeholders of embeds held back are drawn by keksi-embed.js, which such a return view fetches with the
  // theme's placeholder stylesheet (the largest, `auto`).
  {
    what: 'return view with a blocked embed: keksi.js + keksi-embed.js + its stylesheet',
    files: ['keksi.js', 'keksi-embed.js', 'themes/embed-auto.css'],
    budget: 9 * KB
  },
  { what: 'placeholders: keksi-embed.js', files: ['keksi-embed.js'], budget: 1.6 * KB },
  // The largest theme, to hold whichever the owner picks.
  { what: 'first view: keksi.js + UI + theme + English', files: FIRST_VIEW, budget: 16 * KB },
  {
    what: `first view in the largest other language (${largest})`,
    files: [...FIRST_VIEW, largest],
    budget: 17 * KB
  },
  // Fetched by the UI when a visitor opens the preferences; most visitors answer the banner and never do.
  { what: 'preferences: keksi-preferences.js', files: ['keksi-preferences.js'], budget: 1.75 * KB },
  { what: 'owner-mistake messages: keksi-describe.js', files: ['keksi-describe.js'], budget: 1.5 * KB },
  // Fetched only with `record` set, when a decision is to be recorded (or records wait from an earlier page view).
  { what: 'consent records: keksi-record.js', files: ['keksi-record.js'], budget: 1.5 * KB },
  // Fetched only in debug mode, by the site owner auditing their own pages.
  { what: 'debug report: keksi-debug.js', files: ['keksi-debug.js'], budget: 1.5 * KB },
  // Each language a visitor may read besides English: fetched with the UI, so it must stay small.
  ...languages.map(file => ({ what: `language: ${file}`, files: [file], budget: 1 * KB }))
]

let failed = 0
console.log('size (brotli bytes; raw / gzip in brackets) against budget')
for (const { what, files, budget } of BUDGETS) {
  const sizes = files.map(sizeOf)
  const total = sizes.reduce((sum, size) => sum + size.brotli, 0)
  const [one] = sizes
  const detail = one && files.length === 1 ? ` (${one.raw} / ${one.gzip})` : ''
  const ok = total <= budget
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${total} B${detail}, budget ${budget} B`)
}
const opened = [...FIRST_VIEW, 'keksi-preferences.js']
console.log(
  `info first view with the preferences opened: ${opened.reduce((sum, file) => sum + sizeOf(file).brotli, 0)} B`
)
if (failed) {
  console.error(
    `${failed} budget(s) exceeded: make it smaller, or raise a budget on purpose in scripts/size.mjs and README "Sizes".`
  )
  process.exit(1)
}
