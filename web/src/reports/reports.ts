// What the dashboard and the leaders' screen share: the report shapes (src/http/openapi.json,
// docs/reports.md), the names of the figures in both languages, and the reasons a figure is
// not measurable, in words. Loaded with the first of those screens, not with the shell.
import { addMessages, lang } from '../i18n'
import type { Instant, Unit } from '../types'

export interface Statistics {
  total: number
  received: number
  carried_over: number
  resolved: number
  resolved_early: number
  resolved_on_time: number
  resolved_late: number
  resolved_untimed: number
  in_progress: number
  in_progress_on_time: number
  in_progress_overdue: number
  withdrawn: number
  stopped: number
  refused: number
  supplement: number
  apologies: number
  digitized: number
  reused: number
  data_store: number
  received_by_channel: { in_person: number; online: number; postal: number }
  shares: Record<ShareName, number | null>
  not_measurable: Record<string, string>
}

export interface Period {
  label: string
  first: string
  last: string
}

export interface StatisticsReport {
  unit: Unit
  subunits: boolean
  period: Period
  as_of: Instant
  group_by: string
  total: Statistics
  rows: { key: string; name?: string; statistics: Statistics }[]
}

export interface PeriodicReport {
  unit: Unit
  period: Period
  as_of: Instant
  total: Statistics
  by_field: { key: string; statistics: Statistics }[]
  by_unit: { key: string; name: string; statistics: Statistics }[]
}

// One day of /api/v1/reports/trend (the daily snapshots).
export interface TrendDay {
  date: string
  received: number
  resolved: number
  in_progress: number
  in_progress_overdue: number
}

export interface TrendReport {
  unit: Unit
  period: Period
  days: TrendDay[]
}

export interface StepFigures {
  passed: number
  on_time: number
  late: number
  untimed: number
  average_hours: number | null
  longest_hours: number | null
  current: number
  current_overdue: number
}

// How the per-step figures are grouped: by step id, by the step's unit, by officer.
export const kStepGroups = ['step', 'unit', 'officer'] as const
export type StepGroup = (typeof kStepGroups)[number]

export interface StepReport {
  unit: Unit
  period: Period
  as_of: Instant
  group: StepGroup
  total: StepFigures
  // key: the step id, the unit's code or the officer's user id ("0": none)
  rows: (StepFigures & { key: string; step_id?: string; name: string })[]
}

export interface Indicator {
  id: string
  group: number
  name: string
  formula: string
  points: number
  threshold: number | null
  measurable: boolean
  numerator?: number
  denominator?: number
  ratio?: number
  score?: number
  reason?: string
  reason_code?: 'not-recorded' | 'no-dossier'
  missing_input?: string
}

export interface UnitIndex {
  unit_code: string
  unit_name: string
  statistics: Statistics
  index: { score: number; measurable_points: number; total_points: number; indicators: Indicator[] }
}

export interface IndexReport {
  unit: Unit
  period: Period
  as_of: Instant
  whole: UnitIndex
  units: UnitIndex[]
}

export interface DrillItem {
  id: number
  code: string | null
  unit: string
  procedure_code: string
  channel: string
  received_at: Instant | null
  due: Instant | null
  finish: 'open' | 'resolved' | 'refused' | 'stopped'
  finished_at: Instant | null
  timeliness: string
}

export interface DrillPage {
  figure: string
  next_after: number | null
  items: DrillItem[]
}

// The figures /api/v1/reports/dossiers lists the dossiers of.
export const kDrillable = [
  'received',
  'carried_over',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'resolved_untimed',
  'withdrawn',
  'stopped',
  'in_progress_on_time',
  'in_progress_overdue',
  'refused',
  'supplement',
  'apologies',
] as const
export type Figure = (typeof kDrillable)[number]

export const kShares = ['on_time', 'online', 'digitized', 'reused', 'data_store', 'fees_paid_online'] as const
export type ShareName = (typeof kShares)[number]

addMessages({
  vi: {
    'fig.total': 'Tổng số hồ sơ',
    'fig.received': 'Tiếp nhận trong kỳ',
    'fig.carried_over': 'Kỳ trước chuyển qua',
    'fig.resolved': 'Đã giải quyết',
    'fig.resolved_early': 'Giải quyết trước hạn',
    'fig.resolved_on_time': 'Giải quyết đúng hạn',
    'fig.resolved_late': 'Giải quyết quá hạn',
    'fig.resolved_untimed': 'Giải quyết (không quy định thời hạn)',
    'fig.in_progress': 'Đang giải quyết',
    'fig.in_progress_on_time': 'Đang giải quyết, còn hạn',
    'fig.in_progress_overdue': 'Đang giải quyết, quá hạn',
    'fig.withdrawn': 'Rút hồ sơ',
    'fig.stopped': 'Dừng xử lý',
    'fig.refused': 'Từ chối tiếp nhận',
    'fig.supplement': 'Yêu cầu bổ sung',
    'fig.apologies': 'Có văn bản xin lỗi',
    'fig.digitized': 'Số hóa đầy đủ',
    'fig.reused': 'Tái sử dụng kết quả số hóa',
    'fig.data_store': 'Dùng kho dữ liệu',
    'fig.in_person': 'Trực tiếp',
    'fig.online': 'Trực tuyến',
    'fig.postal': 'Bưu chính',
    'share.on_time': 'Tỷ lệ đúng hạn',
    'share.online': 'Tỷ lệ trực tuyến',
    'share.digitized': 'Tỷ lệ số hóa',
    'share.reused': 'Tỷ lệ tái sử dụng',
    'share.data_store': 'Tỷ lệ dùng kho dữ liệu',
    'share.fees_paid_online': 'Tỷ lệ thanh toán trực tuyến',
    'measure.not': 'Chưa đo được',
    'measure.nothing': 'Không có hồ sơ để tính',
    'measure.noData': 'hệ thống chưa ghi nhận dữ liệu này',
    'measure.noDossier': 'trong kỳ không có hồ sơ để tính',
    'measure.fees': 'hồ sơ chưa ghi nhận phí, lệ phí phải nộp',
  },
  en: {
    'fig.total': 'Total dossiers',
    'fig.received': 'Received in the period',
    'fig.carried_over': 'Carried over',
    'fig.resolved': 'Resolved',
    'fig.resolved_early': 'Resolved early',
    'fig.resolved_on_time': 'Resolved on time',
    'fig.resolved_late': 'Resolved late',
    'fig.resolved_untimed': 'Resolved (no legal time)',
    'fig.in_progress': 'In progress',
    'fig.in_progress_on_time': 'In progress, on time',
    'fig.in_progress_overdue': 'In progress, overdue',
    'fig.withdrawn': 'Withdrawn',
    'fig.stopped': 'Stopped',
    'fig.refused': 'Refused at reception',
    'fig.supplement': 'Supplement requested',
    'fig.apologies': 'With an apology',
    'fig.digitized': 'Fully digitized',
    'fig.reused': 'Reused digitized results',
    'fig.data_store': 'From the data store',
    'fig.in_person': 'In person',
    'fig.online': 'Online',
    'fig.postal': 'By post',
    'share.on_time': 'On-time rate',
    'share.online': 'Online rate',
    'share.digitized': 'Digitized rate',
    'share.reused': 'Reuse rate',
    'share.data_store': 'Data-store rate',
    'share.fees_paid_online': 'Fees paid online',
    'measure.not': 'Not measurable',
    'measure.nothing': 'No dossier to measure',
    'measure.noData': 'the system does not record this yet',
    'measure.noDossier': 'no dossier in the period to count',
    'measure.fees': 'dossiers do not record the fees they owe yet',
  },
})

// The server's reason ("not measurable: motcua does not record 'synced' yet"), in words of the
// chosen language; the server's own text stays available as a tooltip.
// An indicator of the 766 index gives a code and the missing input instead (`code`, `input`).
export function reasonText(
  reason: string | undefined,
  t: (k: string) => string,
  code?: string,
  input?: string,
): string {
  if (code === 'no-dossier') return `${t('measure.not')}: ${t('measure.noDossier')}`
  if (code === 'not-recorded') {
    const fees = input === 'with_fees' || input === 'paid_online'
    return `${t('measure.not')}: ${t(fees ? 'measure.fees' : 'measure.noData')}`
  }
  if (!reason) return t('measure.not')
  let why = ''
  if (/no dossier counts towards/.test(reason)) why = t('measure.noDossier')
  else if (/fees/.test(reason)) why = t('measure.fees')
  else if (/does not (yet )?record|not yet|no .* yet/.test(reason)) why = t('measure.noData')
  else if (lang.value === 'en') why = reason.replace(/^not measurable:\s*/, '')
  return why ? `${t('measure.not')}: ${why}` : t('measure.not')
}

// Today in Vietnam (UTC+7) as "YYYY-MM-DD".
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10)
}
