/**
 * Static assets, read once at start-up and served from memory under versioned URLs, so browsers may
 * cache them for a year. htmx comes from node_modules (no CDN); the version is in its URL.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

export interface Asset {
  url: string
  body: Buffer
  contentType: string
}

const require = createRequire(import.meta.url)

function htmxAsset(): Asset {
  const { version } = require('htmx.org/package.json') as { version: string }
  return {
    url: `/assets/htmx-${version}.min.js`,
    body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js')),
    contentType: 'text/javascript; charset=utf-8',
  }
}

function ownAsset(file: string, contentType: string): Asset {
  const body = readFileSync(fileURLToPath(new URL(`../../views/static/${file}`, import.meta.url)))
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  const [name, extension] = file.split('.')
  return { url: `/assets/${name}-${hash}.${extension}`, body, contentType }
}

export interface Assets {
  htmx: Asset
  css: Asset
  js: Asset
}

export function loadAssets(): Assets {
  return {
    htmx: htmxAsset(),
    css: ownAsset('weft.css', 'text/css; charset=utf-8'),
    js: ownAsset('weft.js', 'text/javascript; charset=utf-8'),
  }
}
