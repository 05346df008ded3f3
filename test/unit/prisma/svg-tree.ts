/**
 * A strict little XML reader for the diagram tests: it throws on anything that is not well-formed (an
 * unclosed or mismatched tag, a stray "<" or "&" in text, an unquoted attribute), which is what a file
 * opened in Inkscape or Word would choke on, and gives back a tree to query.
 */
export interface SvgNode {
  name: string
  attributes: Record<string, string>
  children: SvgNode[]
  /** Decoded text directly inside this element. */
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, where: string): string {
  if (/[<]/.test(raw)) throw new Error(`raw "<" in ${where}`)
  return raw.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity ${whole} in ${where}`)
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
    const value = ENTITIES[name]
    if (value === undefined) throw new Error(`unknown entity &${name}; in ${where}`)
    return value
  })
}

export function parseSvg(source: string): SvgNode {
  const body = source.replace(/^<\?xml[^?]*\?>\s*/, '')
  const root: SvgNode = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: SvgNode[] = [root]
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/y
  let index = 0
  while (index < body.length) {
    const next = body.indexOf('<', index)
    const top = stack[stack.length - 1] as SvgNode
    const textEnd = next === -1 ? body.length : next
    if (textEnd > index) top.text += decode(body.slice(index, textEnd), `<${top.name}>`)
    if (next === -1) break
    tag.lastIndex = next
    const match = tag.exec(body)
    if (!match) throw new Error(`malformed tag at ${next}: ${body.slice(next, next + 60)}`)
    const [whole, closing, name = '', attributeText = '', selfClosing] = match
    if (closing) {
      const open = stack.pop()
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`)
    } else {
      const attributes: Record<string, string> = {}
      for (const [, key = '', value = ''] of attributeText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (key in attributes) throw new Error(`duplicate attribute ${key} on <${name}>`)
        attributes[key] = decode(value, `${name}@${key}`)
      }
      const node: SvgNode = { name, attributes, children: [], text: '' }
      top.children.push(node)
      if (!selfClosing) stack.push(node)
    }
    index = next + whole.length
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`)
  const [svg, ...rest] = root.children
  if (!svg || rest.length > 0) throw new Error('expected exactly one root element')
  return svg
}

export function descendants(node: SvgNode): SvgNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)])
}

export function findAll(node: SvgNode, predicate: (node: SvgNode) => boolean): SvgNode[] {
  return descendants(node).filter(predicate)
}

/** The box group `<g data-box=id>`, or undefined. */
export function boxNode(svg: SvgNode, id: string): SvgNode | undefined {
  return findAll(svg, (node) => node.name === 'g' && node.attributes['data-box'] === id)[0]
}

/** The text lines of a node, each <text> one line, in document order. */
export function textLines(node: SvgNode): string[] {
  return findAll(node, (child) => child.name === 'text').map((text) => text.text)
}

/** A box's text read as one sentence: the wrapped lines joined again. */
export function boxText(node: SvgNode): string {
  return textLines(node).join(' ')
}
