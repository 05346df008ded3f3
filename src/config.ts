/** Where Weft keeps its database: `--db PATH`, else WEFT_DB, else ./data/weft.db. */
export const DEFAULT_DB_PATH = './data/weft.db'

export function databasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.WEFT_DB ?? DEFAULT_DB_PATH
}

export const DEFAULT_PORT = 3000
