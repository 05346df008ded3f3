import { Hono } from 'hono'
import type { Asset, Assets } from '../http/assets.ts'
import type { AppEnv } from '../http/env.ts'

/** Serves the versioned assets; the URL changes whenever the content does, so caching is forever. */
export function assetRoutes(assets: Assets) {
  const routes = new Hono<AppEnv>()
  const byPath = new Map<string, Asset>(Object.values(assets).map((asset) => [asset.url.replace('/assets', ''), asset]))
  routes.get('/:file', (c) => {
    const asset = byPath.get(`/${c.req.param('file')}`)
    if (!asset) return c.notFound()
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    c.header('Content-Type', asset.contentType)
    return c.body(new Uint8Array(asset.body))
  })
  return routes
}
