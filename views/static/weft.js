// Progressive enhancement only: every page works without this file.

// Ask before destructive form posts (data-confirm="…"); without JavaScript the post goes straight through.
document.addEventListener('submit', (event) => {
  const form = event.target
  if (!(form instanceof HTMLFormElement)) return
  const question = form.dataset.confirm
  if (question && !window.confirm(question)) {
    event.preventDefault()
    event.stopImmediatePropagation()
  }
}, true)
