// The size check (SPEC §10): what a browser downloads, brotli-compressed, against its budget. Byte counts are
// deterministic, so a breach fails `npm test` and CI, and prints every size.
import { readdirSync, readFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

// KiB, as the budgets in SPEC.md and the peers' figures in research/perf-baseline.md are.
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

/** Each budget: the files one kind of page view downloads, and the most their brotli bytes may add up to. */
const BUDGETS = [
  { what: 'return view: keksi.js', files: ['keksi.js'], budget: 4 * KB },
  // Not a budget of SPEC.md's, which bounds the first view below; this one makes the UI's share of it visible.
  { what: 'UI: keksi-ui.js (with English)', files: ['keksi-ui.js'], budget: 7.2 * KB },
  // Fetched by the UI when a visitor opens the preferences; most visitors answer the banner and never do.
  { what: 'preferences: keksi-preferences.js', files: ['keksi-preferences.js'], budget: 1.75 * KB },
  { what: 'theme: light.css', files: ['themes/light.css'], budget: 1.2 * KB },
  { what: 'theme: dark.css', files: ['themes/dark.css'], budget: 1.2 * KB },
  { what: 'theme: auto.css', files: ['themes/auto.css'], budget: 1.3 * KB },
  { what: 'owner-mistake messages: keksi-describe.js', files: ['keksi-describe.js'], budget: 1.5 * KB },
  // Fetched only in debug mode, by the site owner auditing their own pages.
  { what: 'debug report: keksi-debug.js', files: ['keksi-debug.js'], budget: 1.5 * KB },
  // Each language a visitor may read besides English: fetched with the UI, so it must stay small.
  ...readdirSync(new URL('../dist/i18n', import.meta.url)).map(file => ({
    what: `language: i18n/${file}`,
    files: [`i18n/${file}`],
    budget: 1 * KB
  })),
  // The largest theme, to hold whichever the owner picks.
  {
    what: 'first view: keksi.js + UI + theme + English',
    files: ['keksi.js', 'keksi-ui.js', 'themes/auto.css'],
    budget: 12 * KB
  }
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
// Not a budget, but said: a visitor who reads another language also fetches its file, on top of the English built
// into the UI. SPEC.md's first-view budget is checked above for English; this is the largest other language.
const languages = readdirSync(new URL('../dist/i18n', import.meta.url)).map(file => `i18n/${file}`)
const [largest] = languages.sort((a, b) => sizeOf(b).brotli - sizeOf(a).brotli)
if (largest) {
  const total = ['keksi.js', 'keksi-ui.js', 'themes/auto.css', largest].reduce(
    (sum, file) => sum + sizeOf(file).brotli,
    0
  )
  console.log(`info first view in the largest other language (${largest}): ${total} B`)
}
const opened = ['keksi.js', 'keksi-ui.js', 'themes/auto.css', 'keksi-preferences.js']
console.log(
  `info first view with the preferences opened: ${opened.reduce((sum, file) => sum + sizeOf(file).brotli, 0)} B`
)
if (failed) {
  console.error(
    `${failed} budget(s) exceeded: make it smaller, or raise a budget on purpose in scripts/size.mjs and SPEC.md.`
  )
  process.exit(1)
}
