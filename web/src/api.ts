// The JSON API of the same origin: the session cookie travels by itself, the CSRF token goes in a
// header on every write, and a problem+json answer becomes a Problem with its fields.

export interface FieldError {
  field: string
  message: string
}

export class Problem extends Error {
  status: number
  type: string
  title: string
  detail: string
  errors: FieldError[]

  constructor(status: number, body: Partial<Problem> & { errors?: FieldError[] }) {
    super(body.detail || body.title || `HTTP ${status}`)
    this.status = status
    this.type = body.type ?? ''
    this.title = body.title ?? ''
    this.detail = body.detail ?? ''
    this.errors = body.errors ?? []
  }

  // The message for one field ("applicant.name"), if the server named it.
  field(name: string): string | undefined {
    return this.errors.find((e) => e.field === name)?.message
  }
}

let csrfToken = ''
// Called when the session ended under a page (expired, or logged out elsewhere).
let onSessionLost: (() => void) | null = null

export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler
}

export function setCsrfToken(token: string): void {
  csrfToken = token
}

export interface RequestOptions {
  method?: string
  json?: unknown
  body?: Blob | ArrayBuffer
  contentType?: string
  headers?: Record<string, string>
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.json !== undefined || options.body ? 'POST' : 'GET')
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  let body: BodyInit | undefined
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.body) {
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream'
    body = options.body
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let res: Response
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  } catch {
    throw new Problem(0, { title: 'network', detail: '' })
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let parsed: unknown = undefined
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  if (!res.ok) {
    if (res.status === 401 && csrfToken && !path.startsWith('/api/v1/auth/')) onSessionLost?.()
    throw new Problem(res.status, (parsed as Partial<Problem>) ?? { title: res.statusText })
  }
  return parsed as T
}

// A key that makes a retried submission return the first answer (crypto.randomUUID needs a
// secure context; getRandomValues does not).
export function idempotencyKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

// Query strings without undefined values.
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}
