import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

const FLASH_COOKIE = 'weft_flash'

/** A one-line confirmation shown on the next page (post/redirect/get), e.g. "Review created". */
export function setFlash(c: Context, message: string): void {
  setCookie(c, FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 })
}

export function takeFlash(c: Context): string | null {
  const message = getCookie(c, FLASH_COOKIE)
  if (message === undefined) return null
  deleteCookie(c, FLASH_COOKIE, { path: '/' })
  return message
}
