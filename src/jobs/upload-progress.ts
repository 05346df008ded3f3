/**
 * Where each browser upload of reference files stands, in this process, for the page that polls it: the
 * bytes received, then each file's import (records read, then stored), then its summary. An upload is
 * named by an id its form carries and belongs to the person who sent it; nobody else can read it.
 * An entry is forgotten a while after it last changed.
 */
import type { UploadState } from '../domain/import-outcome.ts'

/** How long an upload's state is kept after it last changed: long enough for the page to read the end. */
const KEPT_MS = 15 * 60 * 1000

/** What a form may name its upload: random letters, digits, - and _ (the form makes one per page). */
const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/

export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value)
}

export class UploadProgress {
  private readonly entries = new Map<string, { state: UploadState; changed: number }>()

  constructor(private readonly clock: () => number = Date.now) {}

  /** Records the upload's new state (an id that is not well formed is ignored). */
  set(userId: number, uploadId: string, state: UploadState): void {
    if (!isUploadId(uploadId)) return
    const now = this.clock()
    for (const [key, entry] of this.entries) if (now - entry.changed > KEPT_MS) this.entries.delete(key)
    this.entries.set(`${userId}:${uploadId}`, { state, changed: now })
  }

  /** The upload's state; `waiting` before its first byte arrived (or after it was forgotten). */
  get(userId: number, uploadId: string): UploadState {
    return this.entries.get(`${userId}:${uploadId}`)?.state ?? { phase: 'waiting' }
  }
}
