import { parseArgs } from 'node:util'
import { CliUsageError } from './io.ts'

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-demo': { type: 'boolean' },
  email: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  slug: { type: 'string' },
  title: { type: 'string' },
  owner: { type: 'string' },
  reviewers: { type: 'string' },
  blind: { type: 'boolean' },
  template: { type: 'string' },
  review: { type: 'string' },
  source: { type: 'string' },
  kind: { type: 'string' },
  format: { type: 'string' },
  map: { type: 'string' },
  force: { type: 'boolean' },
  what: { type: 'string' },
  style: { type: 'string' },
  dataset: { type: 'string' },
  seeds: { type: 'string' },
  rayyan: { type: 'boolean' },
  'reviewer-map': { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
} as const

export type CliOptions = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

export interface ParsedCommand {
  words: string[]
  options: CliOptions
}

/** Parses the whole command line once; an unknown or malformed option is a usage error. */
export function parseCommandLine(argv: string[]): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    return { words: positionals, options: values }
  } catch (error) {
    // node's messages are long and multi-line; keep the first line, which names the option.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)
    throw new CliUsageError(message.replace(/\. To specify a positional argument.*$/, ''))
  }
}

export function requireOption(options: CliOptions, name: 'email' | 'name' | 'password' | 'slug' | 'title'): string {
  const value = options[name]
  if (value === undefined || value.trim() === '') throw new CliUsageError(`missing --${name}`)
  return value
}
