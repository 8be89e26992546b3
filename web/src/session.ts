// Who is logged in: loaded once from /auth/me when the app starts, replaced on login and logout.
import { reactive } from 'vue'
import { api, Problem, setCsrfToken } from './api'
import type { Me } from './types'

export const session = reactive<{ me: Me | null; ready: boolean }>({ me: null, ready: false })

let loading: Promise<void> | null = null

export function loadSession(): Promise<void> {
  loading ??= api<Me>('/api/v1/auth/me')
    .then((me) => {
      session.me = me
      setCsrfToken(me.csrf_token ?? '')
    })
    .catch((e) => {
      if (!(e instanceof Problem) || e.status !== 401) console.warn('auth/me', e)
      session.me = null
    })
    .finally(() => {
      session.ready = true
    })
  return loading
}

export async function login(username: string, password: string): Promise<void> {
  const answer = await api<Me>('/api/v1/auth/login', { json: { username, password } })
  setCsrfToken(answer.csrf_token ?? '')
  // The login answer has no unit: ask again, as every later start does.
  loading = null
  await loadSession()
}

export async function logout(): Promise<void> {
  try {
    await api('/api/v1/auth/logout', { method: 'POST' })
  } finally {
    session.me = null
    setCsrfToken('')
  }
}

export function hasRole(...roles: string[]): boolean {
  return !!session.me && session.me.user.roles.some((r) => roles.includes(r))
}

export const kOfficerRoles = [
  'reception_officer',
  'specialist',
  'division_head',
  'agency_head',
  'clerk',
  'inspector',
  'administrator',
]

// Who holds reports.read (src/identity/permissions.cc): every officer.
export const kReportRoles = kOfficerRoles

// Who sees the administration (units and calendars are read by every officer; users by
// administrators, leaders and inspectors; the audit log by administrators and inspectors).
export const kAdminRoles = ['administrator', 'inspector']

// Where a user lands after logging in.
export function homeFor(): string {
  if (hasRole('reception_officer')) return '/tiep-nhan'
  if (hasRole('division_head', 'agency_head')) return '/lanh-dao'
  if (hasRole(...kOfficerRoles)) return '/ho-so'
  return '/'
}
