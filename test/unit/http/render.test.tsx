import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { pageRenderer } from '../../../src/http/render.tsx'
import { Layout } from '../../../views/layout.tsx'
import type { PageContext } from '../../../views/page.ts'

const page: PageContext = {
  user: null,
  csrf: () => '',
  flash: null,
  assets: { htmx: '/h.js', css: '/c.css', js: '/w.js', pdfViewer: '/p.js', pdfjs: '/pdfjs/' },
}

function app() {
  const routes = new Hono()
  routes.use(pageRenderer())
  routes.get('/page', (c) =>
    c.render(
      <Layout page={page} title='Protocol'>
        <h1>Protocol</h1>
      </Layout>,
    ),
  )
  routes.get('/panel', (c) =>
    c.render(
      <Layout page={page} title='Screening'>
        <nav>tabs</nav>
        <section id='panel'>the card</section>
      </Layout>,
      { status: 422, fragment: <section id='panel'>the card</section> },
    ),
  )
  return routes
}

const PARTIAL = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

describe('the page renderer', () => {
  it('draws the whole page in the layout for a browser', async () => {
    const body = await (await app().request('/page')).text()
    expect(body).toMatch(/^<!DOCTYPE html><html lang="en">/)
    expect(body).toContain('<title>Protocol · Weft</title>')
  })

  it('sends only what is inside the layout for an htmx partial request', async () => {
    expect(await (await app().request('/page', { headers: PARTIAL })).text()).toBe('<h1>Protocol</h1>')
  })

  it('sends the fragment the route names, with its status, for an htmx partial request', async () => {
    const response = await app().request('/panel', { headers: PARTIAL })
    expect(response.status).toBe(422)
    expect(await response.text()).toBe('<section id="panel">the card</section>')
  })

  it('keeps the layout and the status for a boosted page load (HX-Request-Type: full)', async () => {
    const response = await app().request('/panel', { headers: { 'HX-Request': 'true', 'HX-Request-Type': 'full' } })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('<nav>tabs</nav>')
  })
})
