/**
 * Strict XML read as a stream of events through saxes (the parser jsdom uses), for the XML inside
 * spreadsheet packages: entities, CDATA and namespaces-as-prefixes handled by a maintained parser,
 * not by patterns.
 */
import { SaxesParser } from 'saxes'

export interface XmlHandlers {
  /** `name` as written, prefix included ("table:table-cell"). Self-closing tags get open and close. */
  open(name: string, attributes: Readonly<Record<string, string>>): void
  close(name: string): void
  text(text: string): void
}

export class XmlError extends Error {}

export function readXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: true })
  let failure: Error | null = null
  parser.on('error', (error) => {
    failure ??= error
  })
  parser.on('opentag', (tag) => handlers.open(tag.name, tag.attributes))
  parser.on('closetag', (tag) => handlers.close(tag.name))
  parser.on('text', (text) => handlers.text(text))
  parser.on('cdata', (text) => handlers.text(text))
  parser.write(xml)
  if (failure === null) parser.close()
  if (failure !== null) throw new XmlError((failure as Error).message)
}

/** "x:row" → "row": some writers prefix the spreadsheet namespace. */
export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}
