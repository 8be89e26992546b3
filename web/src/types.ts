// The shapes of the API's answers that the screens read (src/http/openapi.json).

export interface Instant {
  utc: string
  local: string
}

export interface User {
  id: number
  username: string
  full_name: string
  unit_id: number
  roles: string[]
  citizen_id: string
  active?: boolean
}

export interface Me {
  user: User
  csrf_token?: string
  unit: { id: number; code: string; name: string } | null
}

export interface ProcedureSummary {
  code: string
  version: number
  name: string
  level: string | null
  field: string
  state: string
}

export interface Fee {
  type: string
  amount_vnd: number
  description: string
}

export interface Channel {
  time: { amount: number; unit: string; text: string }
  fees: Fee[]
  description: string
}

export interface Component {
  code: string
  name: string
  original_qty: number
  copy_qty: number
  requirement: 'required' | 'conditional' | 'optional' | string
  condition: string
  form_code: string
  reusable_from_data_store: boolean
}

export interface Step {
  id: string
  kind: string
  name: string
  unit: string
  role: string
  budget_hours: number
  counted: boolean
  next: string[]
  back: string[]
}

export interface Workflow {
  channels: string[]
  steps: Step[]
}

export interface Procedure {
  code: string
  name: string
  level: string | null
  field: string
  competent_units: string[]
  receiving_units: string[]
  channels: Record<string, Channel>
  cases: { code: string; name: string; components: Component[] }[]
  subjects: string[]
  requirements: string
  steps: string
  legal_basis: { number: string; summary: string; date: string; issuer: string }[]
  outcomes: { code: string; name: string }[]
  online_level: 'full' | 'partial' | 'none' | string
  online_only: boolean
  location_independent: boolean
  version: { number: number; state: string; published: { number: string; date: string } | null }
  workflows: Workflow[]
}

export interface DossierState {
  code: number
  name: string
  label: string
}

export interface DossierSummary {
  id: number
  code: string
  version: number
  state: DossierState
  procedure_code: string
  procedure_version: number
  applicant_name: string
  step_id: string
  step_kind: string | null
  step_unit: string
  assignee: number | null
  paused: boolean
  waiting_agency: boolean
  due: Instant | null
  step_due: Instant | null
  appointment: Instant | null
  apology: DossierApology
  remaining: string
}

// The apology of a late dossier (form 04): drafted by the competent unit, signed by its head.
export interface DossierApology {
  drafted: boolean
  signed: boolean
  reason: string
  new_appointment: Instant | null
}

export interface DossierEvent {
  seq: number
  kind: string
  at: Instant
  actor: string
  unit_code: string
  step_id: string
  to_step?: string
  to_unit?: string
  reason?: string
  items?: string[]
  pause?: string
  reference?: string
  return_method?: string
  new_appointment?: Instant | null
  components?: DossierComponent[]
  file_sha256?: string
}

export interface DossierComponent {
  name: string
  provision: string
  file_sha256?: string
}

export interface Dossier extends DossierSummary {
  procedure_name: string
  case_name: string
  channel: string
  receiving_unit: string
  competent_unit: string
  applicant: {
    name: string
    id_number: string
    address?: string
    phone?: string
    email?: string
    organisation?: boolean
  }
  components: DossierComponent[]
  // Files brought with supplements; the result document attached at issue, and whether the
  // caller may download it now (a citizen once the result is theirs).
  supplied: DossierComponent[]
  result_file: string | null
  result_downloadable: boolean
  supplement_requests: number
  times: {
    counting_start: Instant | null
    appointment: Instant | null
    due: Instant | null
    new_appointment: Instant | null
    step_due: Instant | null
    intake_due: Instant | null
    outcome: string
    overdue: boolean
    remaining: string
  }
  events: DossierEvent[]
  // The commands the caller may give now (the state machine's, for this state, step, role, unit).
  allowed_commands: string[]
  secret?: string
}

export interface QueuePage {
  items: DossierSummary[]
  total: number | null // null on a page after a cursor (only the first page is counted)
  total_exact: boolean // false: more than `total` (the count stops at 10,000)
  next_cursor: string | null
}

export interface ClockSegment {
  from: Instant
  to: Instant
  counted: boolean
  reason: string
  detail: string
  text: string
}

export interface DossierClock {
  legal_time: string
  received: Instant | null
  counting_start: Instant | null
  due: Instant | null
  remaining: string
  segments: ClockSegment[]
  text: string
}

export interface PublicStatus {
  code: string
  procedure_name: string
  applicant_initials: string
  state: DossierState
  step: string
  appointment: Instant | null
  new_appointment: Instant | null
  result_ready: boolean
}

export interface Attachment {
  sha256: string
  size: number
  media_type: string
}

export interface Unit {
  id: number
  code: string
  name: string
  kind: 'province' | 'department' | 'commune' | 'service_center' | 'division' | 'other'
  parent_id: number | null
  address: string
  calendar_id: number | null
  version: number
}
