// The full text beside the work: every [data-pdf-viewer] element shows its PDF (data-src) with pdf.js,
// each page a canvas with a text layer over it, so text can be selected. Selecting text fills the page's
// quote field and its page field (data-quote-field / data-page-field: selectors), or, where the page has
// no quote field, adds “the text” (p. N) to the text area last worked in. Without JavaScript the element
// holds a plain frame of the PDF and a link opens it; if pdf.js cannot show a PDF, the link stays.
//
// pdf.js is only fetched on pages with a PDF pane. Its URL comes from this script's own tag (data-pdfjs),
// which the layout writes with the version in it.

const script = document.querySelector('script[data-pdfjs]')
const PDFJS_BASE = script ? script.dataset.pdfjs : null

let library = null
/** pdf.js, loaded once, with one worker shared by every document. */
function pdfjs() {
  library ??= import(`${PDFJS_BASE}build/pdf.min.mjs`).then((module) => {
    module.GlobalWorkerOptions.workerPort = new Worker(`${PDFJS_BASE}build/pdf.worker.min.mjs`, { type: 'module' })
    return module
  })
  return library
}

/** Documents shown now, so a pane that htmx swapped away releases its document. */
const open = new Map()

function releaseDetached() {
  for (const [element, task] of open) {
    if (!element.isConnected) {
      open.delete(element)
      task.destroy()
    }
  }
}

function say(viewer, text) {
  const status = viewer.parentElement && viewer.parentElement.querySelector('[data-pdf-status]')
  if (status) status.textContent = text
}

async function show(viewer) {
  viewer.dataset.pdfReady = 'loading'
  releaseDetached()
  const lib = await pdfjs()
  const task = lib.getDocument({
    url: viewer.dataset.src,
    // No eval: the Content-Security-Policy allows scripts from this origin only.
    isEvalSupported: false,
    standardFontDataUrl: `${PDFJS_BASE}standard_fonts/`,
  })
  open.set(viewer, task)
  const pdf = await task.promise
  const labels = await pdf.getPageLabels().catch(() => null)
  viewer.replaceChildren()
  viewer.dataset.pdfReady = 'yes'
  const first = await pdf.getPage(1)
  const width = viewer.clientWidth - 16
  const scale = Math.max(0.5, Math.min(2.5, width / first.getViewport({ scale: 1 }).width))
  const pages = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = document.createElement('div')
    page.className = 'pdf-page'
    page.dataset.pageNumber = String(number)
    page.dataset.pageLabel = (labels && labels[number - 1]) || String(number)
    page.setAttribute('aria-label', `Page ${page.dataset.pageLabel}`)
    page.setAttribute('role', 'region')
    viewer.append(page)
    pages.push(page)
  }
  // Pages are sized at once (from the first page) and drawn as they come into view.
  const size = first.getViewport({ scale })
  for (const page of pages) {
    page.style.width = `${Math.floor(size.width)}px`
    page.style.height = `${Math.floor(size.height)}px`
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || entry.target.dataset.drawn) continue
        entry.target.dataset.drawn = 'yes'
        observer.unobserve(entry.target)
        drawPage(lib, pdf, entry.target, scale).catch(() => {
          entry.target.dataset.drawn = 'failed'
        })
      }
    },
    { root: viewer, rootMargin: '600px 0px' },
  )
  for (const page of pages) observer.observe(page)
}

async function drawPage(lib, pdf, element, scale) {
  const page = await pdf.getPage(Number(element.dataset.pageNumber))
  const viewport = page.getViewport({ scale })
  const ratio = window.devicePixelRatio || 1
  const canvas = document.createElement('canvas')
  canvas.width = Math.floor(viewport.width * ratio)
  canvas.height = Math.floor(viewport.height * ratio)
  canvas.style.width = `${Math.floor(viewport.width)}px`
  canvas.style.height = `${Math.floor(viewport.height)}px`
  canvas.setAttribute('aria-hidden', 'true')
  const text = document.createElement('div')
  text.className = 'textLayer'
  element.style.width = canvas.style.width
  element.style.height = canvas.style.height
  element.style.setProperty('--total-scale-factor', String(scale))
  element.style.setProperty('--scale-round-x', '1px')
  element.style.setProperty('--scale-round-y', '1px')
  element.replaceChildren(canvas, text)
  await page.render({
    canvasContext: canvas.getContext('2d'),
    viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise
  await new lib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render()
  element.dataset.drawn = 'text'
}

function start() {
  if (!PDFJS_BASE) return
  for (const viewer of document.querySelectorAll('[data-pdf-viewer]:not([data-pdf-ready])')) {
    show(viewer).catch(() => {
      viewer.dataset.pdfReady = 'failed'
      say(viewer, 'This PDF cannot be shown here; open it in a new tab.')
    })
  }
}

// ---- Selecting text: a quote with its page ----

/** The text area the reviewer last typed in, outside the PDF: where a citation goes on pages without a quote field. */
let lastField = null
document.addEventListener('focusin', (event) => {
  const field = event.target
  if (field instanceof HTMLTextAreaElement && !field.closest('[data-pdf-viewer]')) lastField = field
})

function pageOf(node) {
  const element = node instanceof Element ? node : node && node.parentElement
  const page = element && element.closest('.pdf-page')
  return page ? page.dataset.pageLabel : null
}

/** "4", or "4–5" for a selection that runs over a page break. */
function pagesOf(selection) {
  const start = pageOf(selection.anchorNode)
  const end = pageOf(selection.focusNode)
  if (!start || !end || start === end) return start || end
  const [a, b] = Number(start) > Number(end) ? [end, start] : [start, end]
  return `${a}–${b}`
}

function setValue(field, value) {
  field.value = value
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

function takeSelection(viewer) {
  const selection = document.getSelection()
  if (!selection || selection.isCollapsed || !viewer.contains(selection.anchorNode)) return
  const text = selection.toString().replace(/\s+/g, ' ').trim()
  if (!text) return
  const page = pagesOf(selection)
  const quote = viewer.dataset.quoteField ? document.querySelector(viewer.dataset.quoteField) : null
  if (quote) {
    setValue(quote, text)
    const pageField = viewer.dataset.pageField ? document.querySelector(viewer.dataset.pageField) : null
    if (pageField && page) setValue(pageField, page)
    say(viewer, page ? `Quote and page ${page} filled in from the PDF.` : 'Quote filled in from the PDF.')
    return
  }
  if (lastField && lastField.isConnected) {
    const citation = `“${text}”${page ? ` (p. ${page})` : ''}`
    const at = lastField.selectionEnd ?? lastField.value.length
    const before = lastField.value.slice(0, at)
    const joiner = before && !/\s$/.test(before) ? ' ' : ''
    setValue(lastField, before + joiner + citation + lastField.value.slice(at))
    const label = lastField.labels && lastField.labels[0] ? lastField.labels[0].textContent.trim() : 'the note'
    say(viewer, `Added to ${label}${page ? `, with page ${page}` : ''}.`)
  }
}

for (const type of ['mouseup', 'keyup']) {
  document.addEventListener(type, (event) => {
    const viewer = event.target instanceof Element ? event.target.closest('[data-pdf-viewer]') : null
    if (viewer) takeSelection(viewer)
  })
}

document.addEventListener('htmx:after:swap', start)
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
