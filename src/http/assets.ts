/**
 * Static assets, read once at start-up and served from memory under versioned URLs, so browsers may
 * cache them for a year. htmx and pdf.js come from node_modules (no CDN); the version is in their URLs.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
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

/**
 * pdf.js (the PDF viewer of Firefox, npm pdfjs-dist) for showing a full text beside the work: the library,
 * its worker and the standard fonts, all under one folder URL that carries the version.
 */
export interface PdfjsAssets {
  /** The folder, e.g. /assets/pdfjs-5.6.205/ (pdf.min.mjs, pdf.worker.min.mjs, standard_fonts/…). */
  base: string
  /** Files by their path under the folder. */
  files: Map<string, Asset>
}

const PDF_FONT_TYPES: Record<string, string> = { pfb: 'application/x-font-type1', ttf: 'font/ttf' }

function pdfjsAssets(): PdfjsAssets {
  const { version } = require('pdfjs-dist/package.json') as { version: string }
  const root = dirname(require.resolve('pdfjs-dist/package.json'))
  const base = `/assets/pdfjs-${version}/`
  const files = new Map<string, Asset>()
  const add = (path: string, contentType: string) =>
    files.set(path, { url: base + path, body: readFileSync(join(root, path)), contentType })
  add('build/pdf.min.mjs', 'text/javascript; charset=utf-8')
  add('build/pdf.worker.min.mjs', 'text/javascript; charset=utf-8')
  for (const font of readdirSync(join(root, 'standard_fonts'))) {
    const type = PDF_FONT_TYPES[font.split('.').pop() ?? '']
    if (type) add(`standard_fonts/${font}`, type)
  }
  return { base, files }
}

export interface Assets {
  htmx: Asset
  css: Asset
  js: Asset
  /** Shows full texts with pdf.js (a module, loaded by every page; it does nothing without a PDF pane). */
  pdfViewer: Asset
  pdfjs: PdfjsAssets
}

export function loadAssets(): Assets {
  return {
    htmx: htmxAsset(),
    css: ownAsset('weft.css', 'text/css; charset=utf-8'),
    js: ownAsset('weft.js', 'text/javascript; charset=utf-8'),
    pdfViewer: ownAsset('pdf-viewer.js', 'text/javascript; charset=utf-8'),
    pdfjs: pdfjsAssets(),
  }
}
