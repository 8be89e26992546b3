// Export jobs: a download (a queue's workbook, a report's workbook or PDF) asked of the API with
// `Prefer: respond-async` is made in the background and answered 202 with a job; the job is
// polled at /api/v1/exports/{id} (rows written of the total) and its file downloaded from
// `file.href` once it has succeeded. "Công việc của tôi" (/cong-viec) lists the caller's jobs.
import { api } from './api'
import { addMessages } from './i18n'

export interface ExportJob {
  id: string
  kind: string
  state: 'queued' | 'running' | 'succeeded' | 'failed'
  progress: { done: number; total: number }
  submitted: string
  finished: string | null
  file: { name: string; bytes: number; href: string } | null
  problem?: { status: number; title: string; detail: string; errors?: { field: string; message: string }[] } | null
}

export const finished = (j: { state: string } | null) => !!j && (j.state === 'succeeded' || j.state === 'failed')

// Submits the download `href` (an API path answering a file) as an export job.
export function startExport(href: string): Promise<ExportJob> {
  return api<ExportJob>(href, { headers: { Prefer: 'respond-async' } })
}

export function exportJob(id: string): Promise<ExportJob> {
  return api<ExportJob>(`/api/v1/exports/${encodeURIComponent(id)}`)
}

addMessages({
  vi: {
    'job.start': 'Đang gửi yêu cầu…',
    'job.progress': 'Đã ghi {done}/{total} dòng',
    'job.progressUnknown': 'Đang tính số liệu…',
    'job.queued': 'Đang chờ đến lượt…',
    'job.download': 'Tải tệp {name}',
    'job.failed': 'Không xuất được tệp',
    'job.leave': 'Có thể rời trang: tệp sẽ có trong “Công việc của tôi”.',
    'job.state.queued': 'Đang chờ',
    'job.state.running': 'Đang chạy',
    'job.state.succeeded': 'Đã xong',
    'job.state.failed': 'Thất bại',
    'job.kind.export.queue': 'Xuất danh sách hồ sơ (Excel)',
    'job.kind.export.statistics': 'Xuất báo cáo thống kê',
    'job.kind.export.periodic': 'Xuất báo cáo định kỳ',
    'job.kind.export.steps': 'Xuất số liệu theo bước',
    'job.kind.export.index766': 'Xuất chỉ số theo Quyết định 766',
    'job.kind.catalog.import': 'Nhập danh mục thủ tục',
    'jobs.intro': 'Các tệp đang xuất và đã xuất, các lần nhập danh mục gần đây. Máy chủ giữ chúng trong bộ nhớ: khi khởi động lại, danh sách trống.',
    'jobs.none': 'Chưa có công việc nào.',
    'jobs.exports': 'Tệp xuất',
    'jobs.imports': 'Nhập danh mục',
    'jobs.written': 'Đã ghi {n} phiên bản',
    'jobs.problems': '{n} lỗi, không ghi gì',
    'jobs.read': 'Đã đọc {done}/{total} bản ghi',
  },
  en: {
    'job.start': 'Sending the request…',
    'job.progress': '{done} of {total} rows written',
    'job.progressUnknown': 'Computing the figures…',
    'job.queued': 'Waiting for its turn…',
    'job.download': 'Download {name}',
    'job.failed': 'The file could not be made',
    'job.leave': 'You may leave this page: the file will be under “My jobs”.',
    'job.state.queued': 'Queued',
    'job.state.running': 'Running',
    'job.state.succeeded': 'Done',
    'job.state.failed': 'Failed',
    'job.kind.export.queue': 'Dossier list export (Excel)',
    'job.kind.export.statistics': 'Statistics report export',
    'job.kind.export.periodic': 'Periodic report export',
    'job.kind.export.steps': 'Per-step figures export',
    'job.kind.export.index766': 'Decision 766 index export',
    'job.kind.catalog.import': 'Catalog import',
    'jobs.intro': 'Files being exported and exported, and recent catalog imports. The server keeps them in memory: after a restart the list is empty.',
    'jobs.none': 'No jobs yet.',
    'jobs.exports': 'Exports',
    'jobs.imports': 'Catalog imports',
    'jobs.written': '{n} versions written',
    'jobs.problems': '{n} problems, nothing written',
    'jobs.read': '{done} of {total} records read',
  },
})
