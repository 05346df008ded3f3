import { Hono } from 'hono'
import type { Asset, Assets } from '../http/assets.ts'
import type { AppEnv } from '../http/env.ts'

/** Serves the versioned assets; the URL changes whenever the content does, so caching is forever. */
export function assetRoutes(assets: Assets) {
  const routes = new Hono<AppEnv>()
  const own = [assets.htmx, assets.css, assets.js, assets.pdfViewer, ...assets.pdfjs.files.values()]
  const byPath = new Map<string, Asset>(own.map((asset) => [asset.url, asset]))
  routes.get('/*', (c) => {
    const asset = byPath.get(c.req.path)
    if (!asset) return c.notFound()
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    c.header('Content-Type', asset.contentType)
    return c.body(new Uint8Array(asset.body))
  })
  return routes
}
