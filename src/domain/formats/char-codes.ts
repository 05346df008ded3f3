/** Character tests by code unit, for the line scanners that run on every line of big files. */
export const SPACE = 32
export const HYPHEN = 45

export function isUpper(code: number): boolean {
  return code >= 65 && code <= 90
}

export function isLower(code: number): boolean {
  return code >= 97 && code <= 122
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

export function isUpperOrDigit(code: number): boolean {
  return isUpper(code) || isDigit(code)
}
