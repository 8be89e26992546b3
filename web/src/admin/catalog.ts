// What the catalog administration screens share (the procedures' list and editor, the workflow
// editor, imports, the hygiene review): their words in both languages, the record's shape as
// the API sends it (motcua catalog JSON, docs/catalog.md), the server's field paths said as the
// form's inputs, and the budget arithmetic of a workflow (src/catalog/workflow.cc).
import { Problem } from '../api'
import { addMessages, addServerMessages, serverMessage, t } from '../i18n'
import type { Component, Fee, Instant, Step } from '../types'
import './admin'

export const kChannels = ['in-person', 'online', 'postal'] as const
export const kTimeUnits = ['working-days', 'working-hours', 'working-minutes', 'calendar-days'] as const
export const kLevels = ['province', 'commune', 'inter-level', 'central'] as const
export const kStepKinds = ['receive', 'assign', 'appraise', 'approve', 'sign', 'issue', 'return', 'inter-agency', 'wait-financial', 'other'] as const
// The step kinds at which a dossier may pause unless the step says otherwise (catalog::IsPausable).
const kPausableKinds = ['assign', 'appraise', 'inter-agency', 'other']

export interface TimeRecord {
  amount: number | null
  unit: string
  text: string
}

// The catalog's own shapes where the public screens' (types.ts) read less: a fee of unknown
// amount (null), a legal time not yet given, a step's pausable flag.
export type FeeRecord = Omit<Fee, 'amount_vnd'> & { amount_vnd: number | null }

export interface ChannelRecord {
  time: TimeRecord
  fees: FeeRecord[]
  description: string
}

export type ComponentRecord = Component

export type StepRecord = Step & { pausable?: boolean }

export interface WorkflowRecord {
  channels: string[]
  steps: StepRecord[]
}

export interface Decision {
  number: string
  date: string
}

// One version of a procedure as GET /procedures/{code}/versions/{n} answers it.
export interface ProcedureRecord {
  code: string
  name: string
  level: string | null
  field: string
  field_code: string
  competent_units: string[]
  receiving_units: string[]
  coordinating_units: string[]
  channels: Record<string, ChannelRecord>
  cases: { code: string; name: string; components: ComponentRecord[] }[]
  steps: string
  subjects: string[]
  requirements: string
  legal_basis: { number: string; summary: string; date: string | null; issuer: string }[]
  outcomes: { code: string; name: string }[]
  online_level: string
  online_only: boolean
  location_independent: boolean
  cutoff: string
  supplement_mode: string
  version?: { number: number; state: string; published: Decision | null; ended: Decision | null; replaced_by: string; expires: string | null }
  import_notes?: { path: string; confidence: string; text: string; note: string }[]
  workflows?: WorkflowRecord[]
  row_version?: number
}

export interface Simulation {
  unit: string | null
  channel: string
  legal_time: string | null
  received: Instant
  counting_start: Instant
  steps: { step_id: string; start: Instant; due: Instant; counted: boolean }[]
  due: Instant
  legal_due: Instant | null
  within_legal: boolean
}

export interface ImportJob {
  id: string
  kind: string
  state: 'queued' | 'running' | 'succeeded' | 'failed'
  progress: { done: number; total: number }
  submitted: string
  finished: string | null
  written: number | null
  problem?: { status: number; title: string; detail: string; errors?: { field: string; message: string }[] } | null
  problems?: number
}

export const blankComponent = (): ComponentRecord => ({
  code: '',
  name: '',
  original_qty: 1,
  copy_qty: 0,
  requirement: 'required',
  condition: '',
  form_code: '',
  reusable_from_data_store: false,
})

export const blankChannel = (): ChannelRecord => ({
  time: { amount: null, unit: 'working-days', text: '' },
  fees: [],
  description: '',
})

export const blankRecord = (): ProcedureRecord => ({
  code: '',
  name: '',
  level: 'commune',
  field: '',
  field_code: '',
  competent_units: [],
  receiving_units: [],
  coordinating_units: [],
  channels: { 'in-person': blankChannel() },
  cases: [{ code: '', name: '', components: [blankComponent()] }],
  steps: '',
  subjects: [],
  requirements: '',
  legal_basis: [],
  outcomes: [{ code: '', name: '' }],
  online_level: 'none',
  online_only: false,
  location_independent: false,
  cutoff: 'none',
  supplement_mode: 'exclude-waiting',
})

// What a draft's write sends: the record without what the lifecycle and the server keep.
export function editable(r: ProcedureRecord): ProcedureRecord {
  const out = JSON.parse(JSON.stringify(r)) as ProcedureRecord
  delete out.version
  delete out.workflows
  delete out.row_version
  delete out.import_notes
  return out
}

// A notice said on the next page (a draft created, then opened by its code).
let pending = ''
export const flash = {
  set(text: string): void {
    pending = text
  },
  take(): string {
    const text = pending
    pending = ''
    return text
  },
}

// A version's state in words: a published one is in force from its decision's date.
export function stateKey(v: ProcedureRecord['version'], today: string): string {
  if (!v) return 'cat.state.draft'
  if (v.state === 'published' && v.published && v.published.date > today) return 'cat.state.upcoming'
  return `cat.state.${v.state}`
}

// --- the server's field paths -------------------------------------------------------------------
// The API names a refused field by its path in the record ("procedure.cases[0].components[2].name"
// for an edit, "cases[0]..." for a new draft or a publication, "workflows[1].steps[3].budget" for
// a workflow); an input shows the messages of its own path and of the paths below it.

export function normalPath(field: string): string {
  return field.replace(/^procedure\./, '')
}

export class FieldErrors {
  private readonly errors: { field: string; message: string }[]

  constructor(
    readonly problem: Problem | null,
    pick: (field: string) => string | null = (f) => f,
  ) {
    this.errors = []
    for (const e of problem?.errors ?? []) {
      const field = pick(e.field)
      if (field !== null) this.errors.push({ field, message: serverMessage(e.message) })
    }
  }

  // The messages of `path` exactly.
  exact(path: string): string | undefined {
    const found = this.errors.filter((e) => e.field === path).map((e) => e.message)
    return found.length ? found.join('; ') : undefined
  }

  // The messages of `path` and of the paths below it, each below it named by its last member.
  under(path: string): string | undefined {
    const found = this.errors
      .filter((e) => e.field === path || e.field.startsWith(`${path}.`) || e.field.startsWith(`${path}[`))
      .map((e) => (e.field === path ? e.message : `${memberLabel(e.field.slice(path.length))}: ${e.message}`))
    return found.length ? found.join('; ') : undefined
  }

  // Those no input of `shown` (paths, each claiming what is below it) names: said apart.
  unclaimed(shown: string[], exactOnly: string[] = []): { field: string; message: string }[] {
    return this.errors.filter(
      (e) =>
        !exactOnly.includes(e.field) &&
        !shown.some((p) => e.field === p || e.field.startsWith(`${p}.`) || e.field.startsWith(`${p}[`)),
    )
  }

  get any(): boolean {
    return this.errors.length > 0
  }
}

// ".performer.unit_code" -> "Đơn vị thực hiện"; a member without words stays as it came.
function memberLabel(rest: string): string {
  const last = rest.replace(/^[.[]/, '').replace(/\[\d+\]/g, '').split('.').pop() ?? rest
  const key = `cat.member.${last}`
  const text = t(key)
  return text === key ? rest.replace(/^\./, '') : text
}

// --- working time -------------------------------------------------------------------------------

// The fewest Monday-Friday days in any `n` consecutive days (catalog::MinWorkingDaysIn).
export function minWorkingDaysIn(n: number): number {
  if (n <= 0) return 0
  return Math.floor(n / 7) * 5 + Math.max(0, (n % 7) - 2)
}

// A channel's legal time in working hours: exact, or an upper bound for calendar days.
export function legalHours(time: TimeRecord | undefined): { hours: number; bound: boolean } | null {
  if (!time || time.amount === null || time.amount === undefined) return null
  switch (time.unit) {
    case 'working-days':
      return { hours: time.amount * 8, bound: false }
    case 'working-hours':
      return { hours: time.amount, bound: false }
    case 'working-minutes':
      return { hours: time.amount / 60, bound: false }
    case 'calendar-days':
      return { hours: minWorkingDaysIn(time.amount) * 8, bound: true }
  }
  return null
}

// The counted budgets over every forward path from the start to an end, as [least, most] hours
// (null when the transitions do not form a path: the server names what is wrong on save).
export function budgetRange(steps: StepRecord[]): [number, number] | null {
  if (!steps.length) return [0, 0]
  const byId = new Map(steps.map((s) => [s.id, s]))
  const targets = new Set(steps.flatMap((s) => s.next))
  const starts = steps.filter((s) => !targets.has(s.id))
  if (starts.length !== 1) return null
  const memo = new Map<string, [number, number] | null>()
  const visiting = new Set<string>()
  const walk = (s: StepRecord): [number, number] | null => {
    if (memo.has(s.id)) return memo.get(s.id)!
    if (visiting.has(s.id)) return null
    visiting.add(s.id)
    const own = s.counted ? Number(s.budget_hours) || 0 : 0
    let range: [number, number] | null = [own, own]
    if (s.next.length) {
      let low = Infinity
      let high = -Infinity
      for (const id of s.next) {
        const n = byId.get(id)
        const r = n ? walk(n) : null
        if (!r) {
          range = null
          break
        }
        low = Math.min(low, r[0])
        high = Math.max(high, r[1])
      }
      if (range) range = [own + low, own + high]
    }
    visiting.delete(s.id)
    memo.set(s.id, range)
    return range
  }
  return walk(starts[0]!)
}

export function stepPausable(s: StepRecord): boolean {
  return s.pausable ?? kPausableKinds.includes(s.kind)
}

// 12 -> "12 giờ (1,5 ngày)": working hours as hours and the catalog's 8-hour days.
export function hoursText(hours: number): string {
  const nf = new Intl.NumberFormat(t('cat.locale'), { maximumFractionDigits: 3 })
  const h = t('cat.hours', { n: nf.format(hours) })
  return hours >= 8 ? `${h} (${t('cat.days', { n: nf.format(hours / 8) })})` : h
}

addMessages({
  vi: {
    'cat.locale': 'vi-VN',
    'cat.list': 'Danh mục thủ tục đang có hiệu lực',
    'cat.search': 'Tìm theo tên hoặc mã (có dấu hoặc không dấu)',
    'cat.open': 'Mở thủ tục theo mã (kể cả dự thảo chưa công bố)',
    'cat.openButton': 'Mở',
    'cat.drafts': 'Dự thảo chưa công bố',
    'cat.draftsHint': 'Các dự thảo thuộc phạm vi của bạn, sửa gần nhất lên đầu.',
    'cat.draftsEmpty': 'Không có dự thảo nào.',
    'cat.edited': 'Sửa lần cuối',
    'cat.units': 'Cơ quan giải quyết',
    'cat.new': 'Tạo dự thảo thủ tục mới',
    'cat.newTitle': 'Dự thảo thủ tục mới',
    'cat.readOnly': 'Chỉ quản trị viên quản lý danh mục được sửa; bạn đang xem ở chế độ chỉ đọc.',
    'cat.versions': 'Các phiên bản',
    'cat.version': 'Phiên bản {n}',
    'cat.state': 'Trạng thái',
    'cat.state.draft': 'Dự thảo',
    'cat.state.published': 'Đang có hiệu lực',
    'cat.state.upcoming': 'Đã công bố, chưa đến ngày hiệu lực',
    'cat.state.amended': 'Hết hiệu lực (đã sửa đổi)',
    'cat.state.replaced': 'Hết hiệu lực (đã thay thế)',
    'cat.state.repealed': 'Hết hiệu lực (đã bãi bỏ)',
    'cat.published': 'Công bố: {number} ngày {date}',
    'cat.ended': 'Kết thúc: {number} ngày {date}',
    'cat.noVersions': 'Chưa có phiên bản nào.',
    'cat.record': 'Nội dung thủ tục',
    'cat.general': 'Thông tin chung',
    'cat.code': 'Mã thủ tục',
    'cat.codeHint': 'Ví dụ 1.001193 hoặc 1.011442.000.00.00.H38 (Quyết định 20/2020/QĐ-TTg)',
    'cat.name': 'Tên thủ tục',
    'cat.level': 'Cấp thực hiện',
    'cat.field': 'Lĩnh vực',
    'cat.fieldCode': 'Mã lĩnh vực',
    'cat.competent': 'Cơ quan có thẩm quyền (mã đơn vị, mỗi dòng một mã)',
    'cat.receiving': 'Nơi tiếp nhận (mã đơn vị, mỗi dòng một mã)',
    'cat.coordinating': 'Cơ quan phối hợp (mã đơn vị, mỗi dòng một mã)',
    'cat.channels': 'Cách thức thực hiện, thời hạn và phí',
    'cat.channel.in-person': 'Trực tiếp',
    'cat.channel.online': 'Trực tuyến',
    'cat.channel.postal': 'Bưu chính',
    'cat.accepts': 'Nhận hồ sơ {channel}',
    'cat.time': 'Thời hạn giải quyết',
    'cat.timeUnit': 'Đơn vị thời hạn',
    'cat.timeText': 'Thời hạn theo văn bản',
    'cat.unit.working-days': 'ngày làm việc',
    'cat.unit.working-hours': 'giờ làm việc',
    'cat.unit.working-minutes': 'phút làm việc',
    'cat.unit.calendar-days': 'ngày (kể cả ngày nghỉ)',
    'cat.channelDesc': 'Mô tả cách thức',
    'cat.fees': 'Phí, lệ phí',
    'cat.feeType': 'Loại',
    'cat.fee.fee': 'Lệ phí',
    'cat.fee.charge': 'Phí',
    'cat.amount': 'Mức thu (đồng)',
    'cat.amountHint': 'Để trống nếu chưa rõ; 0 là miễn',
    'cat.description': 'Mô tả',
    'cat.addFee': 'Thêm khoản phí',
    'cat.cases': 'Thành phần hồ sơ theo trường hợp',
    'cat.case': 'Trường hợp {n}',
    'cat.caseName': 'Tên trường hợp',
    'cat.caseHint': 'Chỉ cần đặt tên khi có nhiều trường hợp',
    'cat.addCase': 'Thêm trường hợp',
    'cat.component': 'Giấy tờ {n}',
    'cat.componentName': 'Tên giấy tờ',
    'cat.original': 'Số bản chính',
    'cat.copy': 'Số bản sao',
    'cat.requirement': 'Yêu cầu',
    'cat.req.required': 'Bắt buộc',
    'cat.req.conditional': 'Có điều kiện',
    'cat.condition': 'Điều kiện',
    'cat.formCode': 'Mã mẫu đơn, tờ khai',
    'cat.reusable': 'Khai thác lại từ kho dữ liệu',
    'cat.addComponent': 'Thêm giấy tờ',
    'cat.remove': 'Xóa',
    'cat.up': 'Lên',
    'cat.down': 'Xuống',
    'cat.subjects': 'Đối tượng thực hiện (mỗi dòng một đối tượng)',
    'cat.requirements': 'Yêu cầu, điều kiện',
    'cat.stepsText': 'Trình tự thực hiện (công khai)',
    'cat.legal': 'Căn cứ pháp lý',
    'cat.legalNumber': 'Số, ký hiệu',
    'cat.legalSummary': 'Trích yếu',
    'cat.legalDate': 'Ngày ban hành (ngày/tháng/năm)',
    'cat.legalIssuer': 'Cơ quan ban hành',
    'cat.addLegal': 'Thêm văn bản',
    'cat.outcomes': 'Kết quả thực hiện',
    'cat.outcomeName': 'Tên kết quả',
    'cat.addOutcome': 'Thêm kết quả',
    'cat.online': 'Dịch vụ công trực tuyến',
    'cat.onlineLevel': 'Mức độ',
    'cat.ol.none': 'Không',
    'cat.ol.partial': 'Một phần',
    'cat.ol.full': 'Toàn trình',
    'cat.onlineOnly': 'Chỉ nhận trực tuyến',
    'cat.locationIndependent': 'Không phụ thuộc địa giới hành chính',
    'cat.cutoff': 'Giờ chốt nhận hồ sơ trong ngày',
    'cat.cutoffHint': '"none": không chốt; "last-hour": giờ làm việc cuối; hoặc giờ "HH:MM", ví dụ 15:00',
    'cat.supplement': 'Khi bổ sung hồ sơ',
    'cat.sm.exclude-waiting': 'Không tính thời gian chờ bổ sung',
    'cat.sm.restart': 'Tính lại thời hạn từ đầu',
    'cat.json': 'Xem dạng JSON (nâng cao)',
    'cat.create': 'Tạo dự thảo',
    'cat.save': 'Lưu dự thảo',
    'cat.created': 'Đã tạo dự thảo {code}, phiên bản {n}.',
    'cat.saved': 'Đã lưu dự thảo.',
    'cat.conflict': 'Phiên bản này vừa được người khác thay đổi: đã tải lại nội dung mới nhất, vui lòng xem lại rồi thao tác lại.',
    'cat.invalid': 'Có trường chưa hợp lệ, xem ghi chú bên cạnh từng trường.',
    'cat.other': 'Các lỗi khác',
    'cat.newDraftFrom': 'Tạo dự thảo phiên bản mới từ phiên bản này',
    'cat.workflow': 'Quy trình nội bộ',
    'cat.workflowN': 'Quy trình {n}',
    'cat.workflowChannels': 'Áp dụng cho cách thức (không chọn: tất cả)',
    'cat.noWorkflow': 'Chưa có quy trình.',
    'cat.addWorkflow': 'Thêm quy trình',
    'cat.removeWorkflow': 'Xóa quy trình này',
    'cat.sequential': 'Các bước nối tiếp theo thứ tự',
    'cat.step': 'Bước {n}',
    'cat.stepId': 'Mã bước',
    'cat.stepKind': 'Loại bước',
    'cat.kind.receive': 'Tiếp nhận',
    'cat.kind.assign': 'Phân công',
    'cat.kind.appraise': 'Thẩm định',
    'cat.kind.approve': 'Phê duyệt',
    'cat.kind.sign': 'Ký',
    'cat.kind.issue': 'Ban hành',
    'cat.kind.return': 'Trả kết quả',
    'cat.kind.inter-agency': 'Liên thông',
    'cat.kind.wait-financial': 'Chờ nghĩa vụ tài chính',
    'cat.kind.other': 'Khác',
    'cat.stepName': 'Tên bước',
    'cat.stepUnit': 'Đơn vị thực hiện (mã)',
    'cat.stepUnitHint': 'Để trống: đơn vị đang giữ hồ sơ',
    'cat.stepRole': 'Vai trò',
    'cat.stepTime': 'Thời gian xử lý',
    'cat.stepTimeUnit': 'Tính theo',
    'cat.perHour': 'giờ làm việc',
    'cat.perDay': 'ngày làm việc',
    'cat.counted': 'Tính vào thời hạn',
    'cat.pausable': 'Được tạm dừng',
    'cat.pausable.auto': 'Theo loại ({v})',
    'cat.yes': 'có',
    'cat.no': 'không',
    'cat.next': 'Bước tiếp theo (mã, cách nhau bởi dấu phẩy)',
    'cat.back': 'Được trả lại bước (mã, cách nhau bởi dấu phẩy)',
    'cat.addStep': 'Thêm bước',
    'cat.sum': 'Tổng thời gian các bước được tính: {sum}',
    'cat.sumRange': 'Tổng thời gian các bước được tính: từ {low} đến {high} tùy nhánh',
    'cat.sumNoPath': 'Chưa tính được tổng: các bước chưa nối thành một quy trình có một bước bắt đầu.',
    'cat.legalOf': 'Thời hạn {channel}: {legal}',
    'cat.fits': 'khớp thời hạn',
    'cat.short': 'thiếu {n}',
    'cat.over': 'vượt {n}',
    'cat.withinBound': 'không vượt {n} làm việc có trong mọi khoảng {days} ngày',
    'cat.noLegal': 'chưa có thời hạn',
    'cat.saveWorkflow': 'Lưu quy trình',
    'cat.workflowSaved': 'Đã lưu quy trình.',
    'cat.hours': '{n} giờ',
    'cat.days': '{n} ngày',
    'cat.simulate': 'Chạy thử quy trình',
    'cat.simHint': 'Tính hạn từng bước theo lịch làm việc của cơ quan có thẩm quyền, với quy trình đã lưu.',
    'cat.received': 'Thời điểm tiếp nhận (ngày/tháng/năm giờ:phút)',
    'cat.simChannel': 'Cách thức nộp',
    'cat.run': 'Chạy thử',
    'cat.simStart': 'Bắt đầu',
    'cat.simDue': 'Hạn xong',
    'cat.countingStart': 'Bắt đầu tính thời hạn: {at}',
    'cat.simOverall': 'Hạn hoàn thành theo quy trình: {due}',
    'cat.simLegal': 'Hạn theo quy định ({legal}): {due}',
    'cat.within': 'Trong thời hạn quy định',
    'cat.beyond': 'Vượt thời hạn quy định',
    'cat.notCounted': 'không tính',
    'cat.lifecycle': 'Công bố và hiệu lực',
    'cat.publish': 'Công bố',
    'cat.amend': 'Sửa đổi',
    'cat.replace': 'Thay thế',
    'cat.repeal': 'Bãi bỏ',
    'cat.decisionNumber': 'Số quyết định',
    'cat.decisionHint': 'Ví dụ 1234/QĐ-UBND',
    'cat.decisionDate': 'Ngày hiệu lực (ngày/tháng/năm)',
    'cat.replacedBy': 'Mã thủ tục thay thế',
    'cat.done.publish': 'Đã công bố phiên bản {n}.',
    'cat.done.amend': 'Phiên bản {n} hết hiệu lực do sửa đổi.',
    'cat.done.replace': 'Phiên bản {n} hết hiệu lực do bị thay thế.',
    'cat.done.repeal': 'Phiên bản {n} đã bị bãi bỏ.',
    'cat.ended.note': 'Phiên bản này đã hết hiệu lực; không còn thao tác nào.',
    'cat.member.name': 'Tên',
    'cat.member.code': 'Mã',
    'cat.member.amount_vnd': 'Mức thu',
    'cat.member.amount': 'Thời hạn',
    'cat.member.unit': 'Đơn vị',
    'cat.member.text': 'Văn bản',
    'cat.member.time': 'Thời hạn',
    'cat.member.type': 'Loại',
    'cat.member.original_qty': 'Số bản chính',
    'cat.member.copy_qty': 'Số bản sao',
    'cat.member.requirement': 'Yêu cầu',
    'cat.member.number': 'Số, ký hiệu',
    'cat.member.date': 'Ngày',
    'cat.member.budget': 'Thời gian',
    'cat.member.unit_code': 'Đơn vị thực hiện',
    'cat.member.role': 'Vai trò',
    'cat.member.performer': 'Người thực hiện',
    'cat.member.next': 'Bước tiếp theo',
    'cat.member.back': 'Trả lại',
    'cat.member.counted': 'Tính vào thời hạn',
    'cat.member.id': 'Mã bước',
    'imp.title': 'Nhập danh mục thủ tục từ tệp',
    'imp.file': 'Tệp danh mục (JSON của motcua hoặc bảng tính XLSX)',
    'imp.hint': 'Nhập tất cả hoặc không gì cả: nếu một bản ghi bị từ chối, không bản ghi nào được ghi.',
    'imp.submit': 'Tải lên và nhập',
    'imp.job': 'Lượt nhập {id}',
    'imp.state.queued': 'Đang chờ',
    'imp.state.running': 'Đang nhập',
    'imp.state.succeeded': 'Hoàn thành',
    'imp.state.failed': 'Bị từ chối',
    'imp.progress': 'Đã đọc {done}/{total} bản ghi',
    'imp.progressUnknown': 'Đang đọc tệp…',
    'imp.written': 'Đã ghi {n} phiên bản thủ tục (các bản ghi đã có và không đổi được bỏ qua).',
    'imp.writtenShort': 'Đã ghi {n} phiên bản',
    'imp.refused': 'Không ghi bản ghi nào: {n} lỗi cần sửa trong tệp.',
    'imp.record': 'Bản ghi {n}',
    'imp.cell': 'Ô {cell}',
    'imp.whole': 'Cả tệp',
    'imp.recent': 'Các lượt nhập gần đây của bạn',
    'imp.noRecent': 'Chưa có lượt nhập nào (danh sách mất khi máy chủ khởi động lại).',
    'imp.submitted': 'Gửi lúc',
    'imp.outcome': 'Kết quả',
    'imp.open': 'Xem',
    'imp.problems': '{n} lỗi',
    'imp.notFound': 'Không tìm thấy lượt nhập này (máy chủ chỉ giữ các lượt gần đây, và mất khi khởi động lại).',
    'hyg.title': 'Rà soát danh mục thủ tục',
    'hyg.export': 'Tải về bảng tính XLSX',
    'hyg.kind': 'Loại vấn đề',
    'hyg.procedure': 'Thủ tục',
    'hyg.field': 'Trường',
    'hyg.message': 'Nội dung',
    'hyg.none': 'Không phát hiện vấn đề nào.',
    'hyg.count': '{n} vấn đề',
    'hyg.k.expired-in-force': 'Hết hạn nhưng còn hiệu lực',
    'hyg.k.overlapping-versions': 'Trùng thời gian hiệu lực',
    'hyg.k.duplicate': 'Có thể trùng lặp',
    'hyg.k.budget-mismatch': 'Quy trình lệch thời hạn',
    'hyg.k.no-competent-unit': 'Thiếu cơ quan có thẩm quyền',
    'hyg.k.no-workflow': 'Chưa có quy trình',
    'hyg.k.missing-form': 'Thiếu mẫu đơn',
    'hyg.k.import-doubtful': 'Dữ liệu nhập cần kiểm tra',
    'hyg.k.import-unparsed': 'Dữ liệu nhập chưa đọc được',
  },
  en: {
    'cat.locale': 'en-GB',
    'cat.list': 'Procedures in force',
    'cat.search': 'Search by name or code (with or without diacritics)',
    'cat.open': 'Open a procedure by code (drafts not yet published too)',
    'cat.openButton': 'Open',
    'cat.drafts': 'Drafts never published',
    'cat.draftsHint': 'The drafts within your scope, the latest edited first.',
    'cat.draftsEmpty': 'No drafts.',
    'cat.edited': 'Last edited',
    'cat.units': 'Competent units',
    'cat.new': 'New procedure draft',
    'cat.newTitle': 'New procedure draft',
    'cat.readOnly': 'Only catalog administrators may edit; you are reading.',
    'cat.versions': 'Versions',
    'cat.version': 'Version {n}',
    'cat.state': 'State',
    'cat.state.draft': 'Draft',
    'cat.state.published': 'In force',
    'cat.state.upcoming': 'Published, not yet in force',
    'cat.state.amended': 'Ended (amended)',
    'cat.state.replaced': 'Ended (replaced)',
    'cat.state.repealed': 'Ended (repealed)',
    'cat.published': 'Published: {number} of {date}',
    'cat.ended': 'Ended: {number} of {date}',
    'cat.noVersions': 'No version yet.',
    'cat.record': 'The procedure',
    'cat.general': 'General',
    'cat.code': 'Procedure code',
    'cat.codeHint': 'E.g. 1.001193 or 1.011442.000.00.00.H38 (Decision 20/2020/QĐ-TTg)',
    'cat.name': 'Name',
    'cat.level': 'Level',
    'cat.field': 'Field',
    'cat.fieldCode': 'Field code',
    'cat.competent': 'Competent units (unit codes, one a line)',
    'cat.receiving': 'Receiving units (unit codes, one a line)',
    'cat.coordinating': 'Coordinating units (unit codes, one a line)',
    'cat.channels': 'Channels, legal time and fees',
    'cat.channel.in-person': 'In person',
    'cat.channel.online': 'Online',
    'cat.channel.postal': 'Postal',
    'cat.accepts': 'Accepts {channel}',
    'cat.time': 'Legal time',
    'cat.timeUnit': 'Unit',
    'cat.timeText': 'Legal time as written',
    'cat.unit.working-days': 'working days',
    'cat.unit.working-hours': 'working hours',
    'cat.unit.working-minutes': 'working minutes',
    'cat.unit.calendar-days': 'calendar days',
    'cat.channelDesc': 'Description',
    'cat.fees': 'Fees and charges',
    'cat.feeType': 'Type',
    'cat.fee.fee': 'Fee',
    'cat.fee.charge': 'Charge',
    'cat.amount': 'Amount (đồng)',
    'cat.amountHint': 'Empty if unknown; 0 is free',
    'cat.description': 'Description',
    'cat.addFee': 'Add a fee',
    'cat.cases': 'Components by case',
    'cat.case': 'Case {n}',
    'cat.caseName': 'Case name',
    'cat.caseHint': 'Needed only when there are several cases',
    'cat.addCase': 'Add a case',
    'cat.component': 'Document {n}',
    'cat.componentName': 'Document name',
    'cat.original': 'Originals',
    'cat.copy': 'Copies',
    'cat.requirement': 'Requirement',
    'cat.req.required': 'Required',
    'cat.req.conditional': 'Conditional',
    'cat.condition': 'Condition',
    'cat.formCode': 'Form code',
    'cat.reusable': 'Reusable from the data store',
    'cat.addComponent': 'Add a document',
    'cat.remove': 'Remove',
    'cat.up': 'Up',
    'cat.down': 'Down',
    'cat.subjects': 'Subjects (one a line)',
    'cat.requirements': 'Requirements and conditions',
    'cat.stepsText': 'Published steps',
    'cat.legal': 'Legal basis',
    'cat.legalNumber': 'Number',
    'cat.legalSummary': 'Summary',
    'cat.legalDate': 'Date (day/month/year)',
    'cat.legalIssuer': 'Issuer',
    'cat.addLegal': 'Add a document',
    'cat.outcomes': 'Outcomes',
    'cat.outcomeName': 'Outcome',
    'cat.addOutcome': 'Add an outcome',
    'cat.online': 'Online public service',
    'cat.onlineLevel': 'Level',
    'cat.ol.none': 'None',
    'cat.ol.partial': 'Partial',
    'cat.ol.full': 'Full',
    'cat.onlineOnly': 'Online only',
    'cat.locationIndependent': 'Independent of the administrative boundary',
    'cat.cutoff': 'Daily reception cut-off',
    'cat.cutoffHint': '"none", "last-hour", or a time "HH:MM" such as 15:00',
    'cat.supplement': 'On a supplement',
    'cat.sm.exclude-waiting': 'The waiting time is not counted',
    'cat.sm.restart': 'The legal time restarts',
    'cat.json': 'As JSON (advanced)',
    'cat.create': 'Create the draft',
    'cat.save': 'Save the draft',
    'cat.created': 'Draft {code}, version {n} created.',
    'cat.saved': 'Draft saved.',
    'cat.conflict': 'Someone else has just changed this version: the latest was loaded; please check it and try again.',
    'cat.invalid': 'Some fields are not valid: see the note beside each.',
    'cat.other': 'Other problems',
    'cat.newDraftFrom': 'Start a new version\'s draft from this one',
    'cat.workflow': 'Internal workflow',
    'cat.workflowN': 'Workflow {n}',
    'cat.workflowChannels': 'Serves the channels (none ticked: all)',
    'cat.noWorkflow': 'No workflow yet.',
    'cat.addWorkflow': 'Add a workflow',
    'cat.removeWorkflow': 'Remove this workflow',
    'cat.sequential': 'Steps follow one another in order',
    'cat.step': 'Step {n}',
    'cat.stepId': 'Step id',
    'cat.stepKind': 'Kind',
    'cat.kind.receive': 'Receive',
    'cat.kind.assign': 'Assign',
    'cat.kind.appraise': 'Appraise',
    'cat.kind.approve': 'Approve',
    'cat.kind.sign': 'Sign',
    'cat.kind.issue': 'Issue',
    'cat.kind.return': 'Return',
    'cat.kind.inter-agency': 'Inter-agency',
    'cat.kind.wait-financial': 'Waiting for financial obligations',
    'cat.kind.other': 'Other',
    'cat.stepName': 'Step name',
    'cat.stepUnit': 'Performing unit (code)',
    'cat.stepUnitHint': 'Empty: the unit holding the dossier',
    'cat.stepRole': 'Role',
    'cat.stepTime': 'Processing time',
    'cat.stepTimeUnit': 'Counted in',
    'cat.perHour': 'working hours',
    'cat.perDay': 'working days',
    'cat.counted': 'Counts toward the legal time',
    'cat.pausable': 'May pause',
    'cat.pausable.auto': 'By kind ({v})',
    'cat.yes': 'yes',
    'cat.no': 'no',
    'cat.next': 'Next steps (ids, comma separated)',
    'cat.back': 'May send back to (ids, comma separated)',
    'cat.addStep': 'Add a step',
    'cat.sum': 'Counted steps add up to {sum}',
    'cat.sumRange': 'Counted steps add up to {low} to {high} depending on the branch',
    'cat.sumNoPath': 'No sum yet: the steps do not form a workflow with one start.',
    'cat.legalOf': 'Legal time {channel}: {legal}',
    'cat.fits': 'matches',
    'cat.short': '{n} short',
    'cat.over': '{n} over',
    'cat.withinBound': 'within the {n} of work in any {days} days',
    'cat.noLegal': 'no legal time',
    'cat.saveWorkflow': 'Save the workflow',
    'cat.workflowSaved': 'Workflow saved.',
    'cat.hours': '{n} h',
    'cat.days': '{n} days',
    'cat.simulate': 'Simulate the workflow',
    'cat.simHint': 'Each step\'s due instant on the competent unit\'s calendar, with the saved workflow.',
    'cat.received': 'Received at (day/month/year hour:minute)',
    'cat.simChannel': 'Channel',
    'cat.run': 'Simulate',
    'cat.simStart': 'Starts',
    'cat.simDue': 'Due',
    'cat.countingStart': 'The legal time starts: {at}',
    'cat.simOverall': 'Due by the workflow: {due}',
    'cat.simLegal': 'Legal due ({legal}): {due}',
    'cat.within': 'Within the legal time',
    'cat.beyond': 'Beyond the legal time',
    'cat.notCounted': 'not counted',
    'cat.lifecycle': 'Publication and force',
    'cat.publish': 'Publish',
    'cat.amend': 'Amend',
    'cat.replace': 'Replace',
    'cat.repeal': 'Repeal',
    'cat.decisionNumber': 'Decision number',
    'cat.decisionHint': 'E.g. 1234/QĐ-UBND',
    'cat.decisionDate': 'Effective date (day/month/year)',
    'cat.replacedBy': 'Replacing procedure code',
    'cat.done.publish': 'Version {n} published.',
    'cat.done.amend': 'Version {n} ended by an amendment.',
    'cat.done.replace': 'Version {n} ended by a replacement.',
    'cat.done.repeal': 'Version {n} repealed.',
    'cat.ended.note': 'This version has ended; nothing more can be done with it.',
    'cat.member.name': 'Name',
    'cat.member.code': 'Code',
    'cat.member.amount_vnd': 'Amount',
    'cat.member.amount': 'Legal time',
    'cat.member.unit': 'Unit',
    'cat.member.text': 'Text',
    'cat.member.time': 'Legal time',
    'cat.member.type': 'Type',
    'cat.member.original_qty': 'Originals',
    'cat.member.copy_qty': 'Copies',
    'cat.member.requirement': 'Requirement',
    'cat.member.number': 'Number',
    'cat.member.date': 'Date',
    'cat.member.budget': 'Time',
    'cat.member.unit_code': 'Performing unit',
    'cat.member.role': 'Role',
    'cat.member.performer': 'Performer',
    'cat.member.next': 'Next steps',
    'cat.member.back': 'Send back',
    'cat.member.counted': 'Counted',
    'cat.member.id': 'Step id',
    'imp.title': 'Import the procedure catalog from a file',
    'imp.file': 'Catalog file (motcua JSON or an XLSX workbook)',
    'imp.hint': 'All or nothing: if one record is refused, none is written.',
    'imp.submit': 'Upload and import',
    'imp.job': 'Import {id}',
    'imp.state.queued': 'Waiting',
    'imp.state.running': 'Importing',
    'imp.state.succeeded': 'Done',
    'imp.state.failed': 'Refused',
    'imp.progress': '{done} of {total} records read',
    'imp.progressUnknown': 'Reading the file…',
    'imp.written': '{n} procedure versions written (records already there and unchanged are skipped).',
    'imp.writtenShort': '{n} versions written',
    'imp.refused': 'Nothing written: {n} problems to fix in the file.',
    'imp.record': 'Record {n}',
    'imp.cell': 'Cell {cell}',
    'imp.whole': 'The whole file',
    'imp.recent': 'Your recent imports',
    'imp.noRecent': 'No import yet (the list is lost when the server restarts).',
    'imp.submitted': 'Submitted',
    'imp.outcome': 'Outcome',
    'imp.open': 'Open',
    'imp.problems': '{n} problems',
    'imp.notFound': 'This import is not known (the server keeps only recent ones, and forgets them on a restart).',
    'hyg.title': 'Review of the procedure catalog',
    'hyg.export': 'Download as an XLSX workbook',
    'hyg.kind': 'Finding',
    'hyg.procedure': 'Procedure',
    'hyg.field': 'Field',
    'hyg.message': 'Message',
    'hyg.none': 'Nothing found.',
    'hyg.count': '{n} findings',
    'hyg.k.expired-in-force': 'Expired but in force',
    'hyg.k.overlapping-versions': 'Overlapping versions',
    'hyg.k.duplicate': 'Possible duplicate',
    'hyg.k.budget-mismatch': 'Workflow off the legal time',
    'hyg.k.no-competent-unit': 'No competent unit',
    'hyg.k.no-workflow': 'No workflow',
    'hyg.k.missing-form': 'Unknown form',
    'hyg.k.import-doubtful': 'Imported value to check',
    'hyg.k.import-unparsed': 'Imported value not read',
  },
})

// The catalog's validation messages (src/catalog/validate.cc, workflow.cc, workflow_graph.cc) in
// Vietnamese.
addServerMessages([
  [/^must be a procedure code such as (.+)$/, 'phải là mã thủ tục, ví dụ $1'],
  [/^not a procedure code .*$/, 'không phải mã thủ tục (ví dụ "1.001193" hoặc "1.011442.000.00.00.H38")'],
  [/^required$/, 'bắt buộc'],
  [/^required \(province, commune or inter-level\)$/, 'bắt buộc (cấp tỉnh, cấp xã hoặc liên thông)'],
  [/^is required \(e\.g\. "(.*)"\)$/, 'bắt buộc (ví dụ "$1")'],
  [/^at least one competent unit$/, 'cần ít nhất một cơ quan có thẩm quyền'],
  [/^empty unit code$/, 'mã đơn vị trống'],
  [/^legal time missing$/, 'chưa có thời hạn giải quyết'],
  [/^legal time could not be interpreted: (.*)$/, 'không đọc được thời hạn: $1'],
  [/^legal time is zero$/, 'thời hạn bằng 0'],
  [/^unit disagrees with the duration.*$/, 'đơn vị không khớp với thời hạn (ngày lịch hay thời gian làm việc)'],
  [/^amount unknown$/, 'chưa rõ mức thu'],
  [/^negative amount$/, 'mức thu âm'],
  [/^at least one channel$/, 'cần ít nhất một cách thức thực hiện'],
  [/^channel listed twice$/, 'cách thức bị lặp'],
  [/^an online service level without an online channel$/, 'có mức độ trực tuyến nhưng không nhận hồ sơ trực tuyến'],
  [/^online-only reception without an online service$/, 'chỉ nhận trực tuyến nhưng không có dịch vụ công trực tuyến'],
  [/^online-only reception but other channels are listed$/, 'chỉ nhận trực tuyến nhưng có cách thức khác'],
  [/^negative quantity$/, 'số lượng âm'],
  [/^quantity 0: at least one original or copy$/, 'cần ít nhất một bản chính hoặc bản sao'],
  [/^at least one case.*$/, 'cần ít nhất một trường hợp (với thành phần hồ sơ)'],
  [/^cases need names$/, 'có nhiều trường hợp thì mỗi trường hợp cần tên'],
  [/^at least one component$/, 'cần ít nhất một giấy tờ'],
  [/^at least one legal basis$/, 'cần ít nhất một căn cứ pháp lý'],
  [/^at least one result$/, 'cần ít nhất một kết quả'],
  [/^time of day out of range$/, 'giờ không hợp lệ'],
  [/^budget must be whole half hours$/, 'thời gian phải là bội số của nửa giờ'],
  [/^negative budget$/, 'thời gian âm'],
  [/^waiting for financial obligations does not count.*$/, 'thời gian chờ thực hiện nghĩa vụ tài chính không được tính vào thời hạn'],
  [/^an inter-agency step names the other unit$/, 'bước liên thông phải ghi đơn vị phối hợp'],
  [/^legal time unknown: step budgets cannot be checked$/, 'chưa có thời hạn: không kiểm tra được thời gian các bước'],
  [/^counted step budgets reach (.+), more than the (.+) of working time in every (\d+) calendar days$/, 'thời gian các bước được tính lên tới $1, vượt $2 làm việc có trong mọi khoảng $3 ngày'],
  [/^counted step budgets sum to (.+), the legal time is (.+)$/, 'tổng thời gian các bước được tính là $1, thời hạn quy định là $2'],
  [/^no performer \(unit or role\)$/, 'chưa có người thực hiện (đơn vị hoặc vai trò)'],
  [/^unknown unit "(.*)"$/, 'không có đơn vị "$1"'],
  [/^unknown role "(.*)"$/, 'không có vai trò "$1"'],
  [/^exactly one start step.*$/, 'quy trình phải có đúng một bước bắt đầu'],
  [/^at least one end step.*$/, 'quy trình phải có ít nhất một bước kết thúc'],
  [/^duplicate step id "(.*)"$/, 'trùng mã bước "$1"'],
  [/^at least one step$/, 'cần ít nhất một bước'],
  [/^unreachable from the start step$/, 'không đi tới được từ bước bắt đầu'],
  [/^no way to an end step.*$/, 'không đi tới được bước kết thúc (vòng lặp không lối ra)'],
])
