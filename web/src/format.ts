// Vietnamese formats: dates 15/07/2025, times 08:30, money 1.250.000 đ.
import type { Instant } from './types'
import { lang } from './i18n'

// "2026-03-16 08:00" (Vietnam local time, as the API gives it) -> "16/03/2026 08:00".
export function localDateTime(instant: Instant | null | undefined): string {
  if (!instant?.local) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(instant.local)
  if (!m) return instant.local
  return m[4] ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : `${m[3]}/${m[2]}/${m[1]}`
}

// "2025-07-01" -> "01/07/2025".
export function date(iso: string | null | undefined): string {
  if (!iso) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })

// 1250000 -> "1.250.000 đ"
export function money(amount: number): string {
  return `${vnd.format(amount)} đ`
}

// The API's "Còn 2 ngày 3 giờ" / "Quá 1 ngày" in the chosen language.
export function remaining(text: string | null | undefined): string {
  if (!text) return '—'
  if (lang.value === 'vi') return text
  return text
    .replace(/^Còn/, 'Left:')
    .replace(/^Quá/, 'Overdue by')
    .replace(/(\d+) ngày/g, (_, n) => `${n} ${n === '1' ? 'day' : 'days'}`)
    .replace(/(\d+) giờ/g, (_, n) => `${n} ${n === '1' ? 'hour' : 'hours'}`)
    .replace(/(\d+) phút/g, (_, n) => `${n} min`)
}

export function isOverdue(text: string | null | undefined): boolean {
  return !!text && text.startsWith('Quá')
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

// The API's legal time ("10 working days", "8 working hours", "30 days") in the chosen language.
export function legalTime(text: string | null | undefined): string {
  if (!text) return '—'
  if (lang.value === 'en') return text
  return text
    .replace(/(\d+(?:[.,]\d+)?) working days?/, '$1 ngày làm việc')
    .replace(/(\d+(?:[.,]\d+)?) working hours?/, '$1 giờ làm việc')
    .replace(/(\d+(?:[.,]\d+)?) days?/, '$1 ngày')
}

// 12345 -> "12.345" (Vietnamese), "12,345" (English).
export function count(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  return new Intl.NumberFormat(lang.value === 'vi' ? 'vi-VN' : 'en-GB').format(n)
}

// A queue's size for its badge: "10.000+" when the server stopped counting there ("—" for a page
// after a cursor, which is not counted).
export function queueTotal(p: { total: number | null; total_exact?: boolean }): string {
  return count(p.total) + (p.total_exact === false ? '+' : '')
}

// 0.8567 -> "85,7%" (Vietnamese), "85.7%" (English); null (nothing to measure) -> null, for the
// caller to say so in words: a share over nothing is never 0%.
export function share(ratio: number | null | undefined): string | null {
  if (ratio === null || ratio === undefined) return null
  return new Intl.NumberFormat(lang.value === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(ratio)
}

// An ISO instant ("2026-11-22T21:10:05Z") in Vietnam local time: "23/11/2026 04:10:05".
export function utcToLocal(iso: string | null | undefined): string {
  if (!iso) return '—'
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const d = new Date(ms + 7 * 3600 * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}

// What an officer types, "15/3/2027" or "15/03/2027", as the API's "2027-03-15"; anything else
// is passed on as typed, for the server to name the field. (Native date inputs show the
// browser's own format, often mm/dd/yyyy: these forms take dd/mm/yyyy as written in Vietnam.)
export function isoDate(typed: string): string {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(typed)
  if (!m) return typed.trim()
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}
