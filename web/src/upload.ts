// A file chosen in an <input type="file">, uploaded at once to POST /api/v1/attachments and
// named afterwards by its SHA-256 (a submission's components, a supplement, a result document).
import { api } from './api'
import type { Attachment } from './types'

export interface Upload {
  state: 'idle' | 'uploading' | 'done' | 'error'
  sha256?: string
  size?: number
  fileName?: string
  error?: unknown
}

// Uploads the file chosen in `event`'s input, telling `set` each state; nothing when none.
export async function uploadChosen(event: Event, set: (u: Upload) => void): Promise<void> {
  const file = (event.target as HTMLInputElement).files?.[0]
  if (!file) return
  set({ state: 'uploading', fileName: file.name })
  try {
    const a = await api<Attachment>('/api/v1/attachments', {
      body: file,
      contentType: file.type || 'application/octet-stream',
    })
    set({ state: 'done', sha256: a.sha256, size: a.size, fileName: file.name })
  } catch (e) {
    set({ state: 'error', error: e, fileName: file.name })
  }
}
