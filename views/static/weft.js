// Progressive enhancement only: every page works without this file.

// Ask before destructive form posts (data-confirm="…"). Once answered Yes, the form says so (_confirmed),
// so the server acts at once; without JavaScript the server asks on a confirmation page instead.
document.addEventListener(
  'submit',
  (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement)) return
    const question = form.dataset.confirm
    if (!question) return
    if (!window.confirm(question)) {
      event.preventDefault()
      event.stopImmediatePropagation()
      return
    }
    if (!form.querySelector('input[name="_confirmed"]')) {
      const confirmed = document.createElement('input')
      confirmed.type = 'hidden'
      confirmed.name = '_confirmed'
      confirmed.value = 'yes'
      form.append(confirmed)
    }
  },
  true,
)

// Upload progress for forms marked data-upload-progress (reference-file imports). fetch, which htmx uses,
// reports no upload progress, so these forms go through XMLHttpRequest: a <progress> follows the upload,
// then the page the server answered with (after any redirect) replaces this one. Without JavaScript, or
// when the request fails to get an answer, the form is posted the ordinary way.
;(() => {
  function showAnswer(xhr) {
    const answer = new DOMParser().parseFromString(xhr.responseText, 'text/html')
    document.title = answer.title
    document.body.replaceWith(document.adoptNode(answer.body))
    // {htmx: true}: htmx restores this entry (by fetching it again) when the back button returns to it.
    history.pushState({ htmx: true }, '', xhr.responseURL || location.href)
    window.scrollTo(0, 0)
    if (window.htmx) window.htmx.process(document.body)
    const alert = document.querySelector('.error-summary')
    if (alert instanceof HTMLElement) alert.focus()
  }

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-upload-progress')) return
      if (event.defaultPrevented || form.dataset.uploading) return
      const box = form.querySelector('.upload-progress')
      const bar = box && box.querySelector('progress')
      const status = box && box.querySelector('.upload-status')
      let data
      try {
        data = new FormData(form, event.submitter)
      } catch {
        return // an older browser: htmx or the plain post sends the form, without a progress bar
      }
      if (!bar || !status) return
      event.preventDefault()
      event.stopImmediatePropagation() // htmx's own handler on the form would send it a second time
      const buttons = form.querySelectorAll('button')
      const xhr = new XMLHttpRequest()
      const fallBack = () => {
        buttons.forEach((button) => {
          button.disabled = false
        })
        box.hidden = true
        form.dataset.uploading = 'plain'
        HTMLFormElement.prototype.submit.call(form)
      }
      // Forms that name their upload (data-progress-url) are followed on the server too: the bytes it has
      // received, then the records read and stored, until the answer comes.
      const followed = form.dataset.progressUrl
      let polling = null
      const follow = async () => {
        try {
          const answer = await fetch(followed, { headers: { 'HX-Request': 'true' } })
          if (!answer.ok || !polling) return
          status.innerHTML = await answer.text()
          const state = status.querySelector('[data-upload-phase]')
          const done = Number(state && state.getAttribute('data-upload-done'))
          const total = Number(state && state.getAttribute('data-upload-total'))
          if (total > 0) bar.value = Math.floor((done / total) * 100)
        } catch {
          // the next poll tries again; the answer to the upload ends the polling
        }
      }
      const stopFollowing = () => {
        clearInterval(polling)
        polling = null
      }
      xhr.upload.addEventListener('progress', (progress) => {
        if (!progress.lengthComputable) return
        const percent = Math.floor((progress.loaded / progress.total) * 100)
        bar.value = percent
        if (!followed) status.textContent = `Uploading… ${percent}%`
      })
      xhr.upload.addEventListener('load', () => {
        if (followed) return
        bar.removeAttribute('value') // indeterminate while the server reads the files
        status.textContent = 'Uploaded. Importing…'
      })
      xhr.addEventListener('load', () => {
        stopFollowing()
        if (xhr.responseText) showAnswer(xhr)
        else fallBack()
      })
      xhr.addEventListener('error', () => {
        stopFollowing()
        fallBack()
      })
      xhr.open('POST', form.action)
      bar.value = 0
      status.textContent = 'Uploading…'
      box.hidden = false
      buttons.forEach((button) => {
        button.disabled = true
      })
      xhr.send(data)
      if (followed) polling = setInterval(follow, 400)
    },
    true,
  )
})()

// Keyboard screening (pages with [data-screening-keys]): i / e / m vote, u undoes, j / k move, ? shows
// the keys. Each key clicks the button or link that carries it, so it does exactly what a click does
// (and without JavaScript the buttons and links work on their own). A key pressed while the previous
// vote is still on its way is ignored, so holding or repeating a key never sends a vote twice.
;(() => {
  let waiting = false
  document.addEventListener('htmx:before:request', () => {
    waiting = true
  })
  document.addEventListener('htmx:finally:request', () => {
    waiting = false
  })

  function typing(target) {
    return (
      target instanceof HTMLElement &&
      (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
    )
  }

  document.addEventListener('keydown', (event) => {
    const panel = document.querySelector('[data-screening-keys]')
    if (!panel || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return
    if (event.key === 'Escape') {
      const help = panel.querySelector('[data-key-help][open]')
      if (help) help.open = false
      return
    }
    if (event.key === '?') {
      const help = panel.querySelector('[data-key-help]')
      if (help) help.open = !help.open
      event.preventDefault()
      return
    }
    const key = event.key.toLowerCase()
    if (!['i', 'e', 'm', 'u', 'j', 'k'].includes(key)) return
    const control = panel.querySelector(`[data-key="${key}"]`)
    if (!(control instanceof HTMLElement)) return
    event.preventDefault()
    if (waiting) return
    control.click()
  })

  // After a swap, read the new notice out through the page's own live region (one that arrives with its
  // text is not announced), and put the focus on the new record so keys keep working.
  document.addEventListener('htmx:after:swap', () => {
    const announcer = document.getElementById('screening-announcer')
    const notice = document.querySelector('[data-screening-keys] [data-announce] > span')
    if (announcer) announcer.textContent = notice ? notice.textContent : ''
    const title = document.querySelector('[data-screening-keys] #record-title')
    if (title instanceof HTMLElement) {
      title.tabIndex = -1
      title.focus({ preventScroll: false })
    }
  })
})()

// Keyboard submit for the construct forms (data-keyboard-submit): Ctrl+Enter (⌘+Enter on a Mac) in a text
// area sends the form, through htmx when it is loaded; Enter in a one-line field already does.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
  const field = event.target
  if (!(field instanceof HTMLTextAreaElement) || !field.form || !field.form.hasAttribute('data-keyboard-submit')) return
  event.preventDefault()
  field.form.requestSubmit()
})

// Copy buttons (data-copy="#field"): shown only with JavaScript; they copy the field's text, e.g. an
// invitation link. Without them the link sits in a read-only field that selects itself when focused.
;(() => {
  function reveal() {
    document.querySelectorAll('button[data-copy][hidden]').forEach((button) => {
      button.hidden = false
    })
  }
  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null
    const field = button && document.querySelector(button.dataset.copy)
    if (!field) return
    field.select()
    let copied = false
    try {
      await navigator.clipboard.writeText(field.value)
      copied = true
    } catch {
      copied = document.execCommand('copy') // plain http: the Clipboard API needs a secure context
    }
    button.textContent = copied ? 'Copied' : 'Select and copy the link'
  })
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.hasAttribute('data-select-on-focus'))
      event.target.select()
  })
  document.addEventListener('htmx:after:swap', reveal)
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', reveal)
  else reveal()
})()
