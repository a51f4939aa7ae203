import { readdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const sources = { include: ['**/src/**/*.ts', '**/src/**/*.tsx'], exclude: ['**/*.test.ts', '**/*.test.tsx'] }
const ts = options =>
  typescript({
    ...sources,
    noEmit: false,
    rootDir: 'src',
    types: [],
    allowJs: false,
    checkJs: false,
    ...options
  })

// nanostores reads process.env.NODE_ENV, which does not exist in a browser.
/**
 * Source maps of the browser bundles, written beside them but not linked from them (no `sourceMappingURL`, so not a
 * byte more for visitors; not in the npm package): `npm run bench` reads them to name the functions of its CPU profile,
 * and a developer can add one in DevTools. `MAP=1 npm run build` links them too.
 */
const MAP = process.env.MAP ? true : 'hidden'
const production = replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } })
/**
 * V8's explicit compile hint (Chromium 136 and later; other engines see a comment): every function in the file is
 * compiled with the file, instead of being skimmed then, and parsed again when it is first called. Worth it where
 * the code runs as the file loads: on the bench's return view it took keksi.js's script time down by a quarter at
 * both CPU rates, for some 20 KiB of heap (the compiled code of the functions a view does not call; README "Speed,
 * side by side").
 */
const COMPILE_ALL = '//# allFunctionsCalledOnLoad'

/**
 * @param {object} [options]
 * @param {boolean} [options.toplevel]  mangle top-level names: only where nothing is published, as it would drop the
 *   `var keksiUi` of a named IIFE
 * @param {RegExp} [options.properties]  private property names to mangle: names no page, DOM API or other bundle reads
 * @param {boolean} [options.compileAll]  start the file with `COMPILE_ALL`: for a file whose code runs as it loads
 */
const minify = ({ toplevel = false, properties = undefined, compileAll = false } = {}) =>
  terser({
    ecma: 2020,
    toplevel,
    compress: { passes: 3, unsafe: true, unsafe_arrows: true, pure_getters: true },
    ...(properties && { mangle: { properties: { regex: properties } } }),
    format: { comments: false, ...(compileAll && { preamble: COMPILE_ALL }) }
  })

/**
 * The theme files: the shared layout, the UI's, then the palette of each; `auto` follows the visitor's system. The
 * placeholders of embeds get `embed-<theme>.css`, without the UI's layout: all a return view with a video held back
 * needs.
 */
const minifyCss = css =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>/])\s*/g, '$1')
    // After a colon only: `.keksi :focus-visible` (anything focused inside) is not `.keksi:focus-visible`.
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/@media \(/g, '@media(')
    // Shorter equal forms: `.5` for `0.5`, `#fff` for `#ffffff`, `#0000` for `transparent`, `[a=b]` for `[a="b"]`.
    .replace(/([^\w.])0\.(\d)/g, '$1.$2')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
    .replace(/\btransparent\b/g, '#0000')
    .replace(/="([a-z][\w-]*)"\]/gi, '=$1]')
    .trim()
const themes = {
  name: 'keksi-themes',
  generateBundle() {
    const read = name => readFileSync(`themes/${name}.css`, 'utf8')
    const base = read('base')
    const ui = read('ui')
    const dark = read('dark')
    const light = read('light')
    // The layout first: the palettes' custom properties do not depend on order, and brotli finds more to reuse.
    const palettes = {
      light,
      dark,
      auto: `${light}@media (prefers-color-scheme: dark) {${dark}}`
    }
    // A placeholder draws no switch, backdrop, shadow or link: their colours stay out of its stylesheet.
    const uiOnly = /--keksi-(switch-on|switch-off|backdrop|shadow|link):[^;]*;/g
    for (const [name, palette] of Object.entries(palettes)) {
      this.emitFile({ type: 'asset', fileName: `themes/${name}.css`, source: minifyCss(base + ui + palette) })
      this.emitFile({
        type: 'asset',
        fileName: `themes/embed-${name}.css`,
        source: minifyCss(base + palette.replace(uiOnly, ''))
      })
    }
  }
}

/**
 * Each language but English (built into the UI), as minified JSON the UI fetches from `i18n/` beside itself; and the
 * config's JSON schema.
 */
const languages = {
  name: 'keksi-languages',
  generateBundle() {
    for (const file of readdirSync('src/i18n').filter(name => name.endsWith('.json'))) {
      const source = JSON.stringify(JSON.parse(readFileSync(`src/i18n/${file}`, 'utf8')))
      this.emitFile({ type: 'asset', fileName: `i18n/${file}`, source })
    }
    // The JSON schema of the config, for editors; kept readable.
    const schema = readFileSync('src/schema/keksi-config.schema.json', 'utf8')
    this.emitFile({ type: 'asset', fileName: 'keksi-config.schema.json', source: schema })
    // And the consent record's, for receivers of the owner's own.
    const record = readFileSync('src/records/keksi-record.schema.json', 'utf8')
    this.emitFile({ type: 'asset', fileName: 'keksi-record.schema.json', source: record })
  }
}

/**
 * In an IIFE bundle, `import.meta.url` is the script's own URL, read once while it runs (`currentScript` is null
 * afterwards): Rollup's general stand-in for it is three times longer. Each `load-preferences.ts` (a dynamic import,
 * for the site's bundler) is built as its `load-preferences.script.ts`: the preferences as a script of their own.
 */
const scriptUrl = {
  name: 'keksi-script-url',
  resolveId: {
    order: 'pre',
    handler: (source, importer) =>
      source === './load-preferences.js' && importer
        ? resolve(dirname(importer), 'load-preferences.script.ts')
        : null
  },
  resolveImportMeta: property => (property === 'url' ? 'SCRIPT_URL' : null),
  outputOptions: options => ({ ...options, intro: 'const SCRIPT_URL = document.currentScript.src' })
}

/**
 * The private property names that keksi.js mangles: those whose declaration in `src/` ends its doc comment with
 * `@internal` (the options, context and model members no page, DOM API or other bundle reads). Read from the
 * sources, so a new one is tagged where it is declared, not listed here.
 */
const internal = [
  ...new Set(
    readdirSync('src', { recursive: true })
      .filter(file => /\.tsx?$/.test(file) && !/\.test\./.test(file))
      .flatMap(file =>
        [...readFileSync(`src/${file}`, 'utf8').matchAll(/@internal\s*\*\/\s*(\w+)\??[:(]/g)].map(
          ([, name]) => name
        )
      )
  )
].sort()

/**
 * What `keksi-ui.js` publishes (the modules `src/ui/keksi-ui.ts` re-exports: Preact, Actions, Modal...), which
 * `keksi-preferences.js` takes from it (`window.keksiUi`) instead of bundling a second copy. Read from that file, so
 * the two cannot drift apart.
 */
const published = [
  ...readFileSync('src/ui/keksi-ui.ts', 'utf8').matchAll(/^export \{[^}]*\} from '([^']+)'/gm)
].map(([, from]) => from)
const fromUi = id =>
  published.some(
    from => from === id || (from.startsWith('./') && id.replace(/\.tsx?$/, '.js').endsWith(from.slice(1)))
  )

/** One `keksi.d.ts` beside `keksi.mjs`, as README "Sizes" names it. */
const typesEntry = {
  name: 'keksi-types-entry',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'keksi.d.ts', source: "export * from './types/index.js'\n" })
  }
}

export default [
  {
    // The script tag: all a returning visitor downloads.
    input: 'src/auto.ts',
    output: { file: 'dist/keksi.js', format: 'iife', strict: false, sourcemap: MAP },
    // ES2022 syntax (`??=`, `||=` left as written): what keksi.js calls needs that year's browsers anyway
    // (Object.hasOwn, reportError, nanostores' own `||=`).
    plugins: [
      production,
      nodeResolve(),
      ts({ target: 'es2022' }),
      minify({ toplevel: true, properties: new RegExp(`^(${internal.join('|')})$`), compileAll: true }),
      themes,
      languages
    ]
  },
  {
    // The banner, the floating button and what the preferences draw with, fetched by keksi.js only when something
    // must be shown.
    input: 'src/ui/keksi-ui.ts',
    output: { file: 'dist/keksi-ui.js', format: 'iife', name: 'keksiUi', sourcemap: MAP },
    plugins: [production, nodeResolve(), ts(), scriptUrl, minify({ compileAll: true })]
  },
  {
    // The placeholders of embeds held back, fetched by keksi.js when the gate holds a frame: no Preact, so that a
    // return view of a page with a video stays small (README "Sizes").
    input: 'src/embeds/keksi-embed.ts',
    output: { file: 'dist/keksi-embed.js', format: 'iife', name: 'keksiEmbed', sourcemap: MAP },
    plugins: [ts(), scriptUrl, minify()]
  },
  {
    // The preferences dialog, fetched by keksi-ui.js when a visitor opens it; it draws with keksi-ui.js's Preact.
    input: 'src/ui/Preferences.tsx',
    external: fromUi,
    output: {
      file: 'dist/keksi-preferences.js',
      format: 'iife',
      name: 'keksiPreferences',
      globals: () => 'keksiUi',
      sourcemap: MAP
    },
    plugins: [ts(), minify({ compileAll: true })]
  },
  {
    // The words of owner-mistake messages, fetched only when there is a mistake to report.
    input: 'src/diagnostics/describe.ts',
    output: { file: 'dist/keksi-describe.js', format: 'iife', name: 'keksiDescribe' },
    plugins: [ts(), minify()]
  },
  {
    // The sender of consent records, fetched only with `record` set, when a record is due.
    input: 'src/recorder/keksi-record.ts',
    output: { file: 'dist/keksi-record.js', format: 'iife', name: 'keksiRecord' },
    plugins: [ts(), minify()]
  },
  {
    // Debug mode's audit, fetched only with `data-debug` or `debug: true`.
    input: 'src/diagnostics/debug.ts',
    output: { file: 'dist/keksi-debug.js', format: 'iife', name: 'keksiDebug' },
    plugins: [ts(), minify()]
  },
  {
    // The consent-record receiver, a Node command (`npx keksi-records`): nothing of it is in a browser bundle.
    input: 'src/records/cli.ts',
    external: [/^node:/, 'better-sqlite3', 'pg'],
    // Each store a chunk of its own, imported only when its `--db` asks for it: `pg` need not be installed for SQLite.
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'keksi-records.mjs',
      chunkFileNames: 'keksi-records-[name].mjs',
      banner: chunk => (chunk.isEntry ? '#!/usr/bin/env node' : '')
    },
    plugins: [ts({ types: ['node'], target: 'es2022' })]
  },
  {
    // npm: ESM with the UI as a chunk loaded on demand; dependencies are left to the user's bundler.
    input: 'src/index.ts',
    external: [/^preact/, /^nanostores/, /^js-cookie/],
    output: { dir: 'dist', format: 'es', entryFileNames: 'keksi.mjs', chunkFileNames: 'keksi-[name].mjs' },
    plugins: [ts({ declaration: true, declarationDir: 'dist/types', outDir: 'dist' }), typesEntry]
  }
]
