// A small static server for `npm start` (the examples) and the browser tests: the repository root, with
// `/` showing examples/index.html. No dependencies, nothing fetched.
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif'
}

/**
 * Serves the repository on `port` (0: any free one) and resolves with the server once it listens.
 * `pages` maps a path to HTML served there instead (the browser tests' made-up pages).
 * @param {number} port
 * @param {Map<string, string>} [pages]
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(port, pages = new Map()) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const page = pages.get(path)
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(page)
      return
    }
    let file = normalize(join(ROOT, path === '/' ? 'examples/index.html' : path))
    try {
      if (!file.startsWith(ROOT)) throw new Error('outside')
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      statSync(file)
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store'
    })
    createReadStream(file).pipe(response)
  })
  return new Promise(done => server.listen(port, '127.0.0.1', () => done(server)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080)
  serve(port).then(() => console.log(`Keksi examples: http://localhost:${port}/`))
}
