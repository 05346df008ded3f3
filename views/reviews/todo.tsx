import type { PersonalTodo } from '../../src/domain/review-stages.ts'

export interface TodoItem {
  text: string
  href: string
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/** What waits for the person, each with the page where they do it; empty when nothing does. */
export function todoItems(todo: PersonalTodo, base: string): TodoItem[] {
  const items: TodoItem[] = []
  const { toScreen, toResolve } = todo
  if (toScreen.title_abstract > 0) {
    items.push({
      text: `${plural(toScreen.title_abstract, 'record waits', 'records wait')} for your title/abstract vote`,
      href: `${base}/screening/title-abstract`,
    })
  }
  if (toScreen.full_text > 0) {
    items.push({
      text: `${plural(toScreen.full_text, 'report waits', 'reports wait')} for your full-text vote`,
      href: `${base}/screening/full-text`,
    })
  }
  if (toResolve && toResolve.title_abstract > 0) {
    items.push({
      text: `${plural(toResolve.title_abstract, 'conflict', 'conflicts')} to resolve at title/abstract`,
      href: `${base}/screening/title-abstract/conflicts`,
    })
  }
  if (toResolve && toResolve.full_text > 0) {
    items.push({
      text: `${plural(toResolve.full_text, 'conflict', 'conflicts')} to resolve at full text`,
      href: `${base}/screening/full-text/conflicts`,
    })
  }
  if (todo.toRetrieve > 0) {
    items.push({
      text: `${plural(todo.toRetrieve, 'report waits', 'reports wait')} to be retrieved`,
      href: `${base}/retrieval?state=awaiting`,
    })
  }
  if (todo.duplicatePairs > 0) {
    items.push({
      text: `${plural(todo.duplicatePairs, 'possible duplicate pair waits', 'possible duplicate pairs wait')} for a look`,
      href: `${base}/duplicates`,
    })
  }
  return items
}

/** "12 records wait for you, 3 conflicts to resolve." in one line, for the review list. */
export function todoSummary(todo: PersonalTodo): string | null {
  const screen = todo.toScreen.title_abstract + todo.toScreen.full_text
  const resolve = todo.toResolve ? todo.toResolve.title_abstract + todo.toResolve.full_text : 0
  const parts = [
    screen > 0 ? `${plural(screen, 'record waits', 'records wait')} for you` : '',
    resolve > 0 ? `${plural(resolve, 'conflict', 'conflicts')} to resolve` : '',
  ].filter(Boolean)
  return parts.length > 0 ? `${parts.join(', ')}.` : null
}

/** The dashboard's "Waiting for you": the person's own to-do, each item a link to where it is done. */
export function TodoPanel(props: { todo: PersonalTodo; base: string }) {
  const items = todoItems(props.todo, props.base)
  return (
    <section class='todo' aria-labelledby='todo-heading'>
      <h2 id='todo-heading'>Waiting for you</h2>
      {items.length === 0 ? (
        <p class='muted'>Nothing waits for you right now.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li>
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
