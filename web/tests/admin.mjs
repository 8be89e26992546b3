// The catalog administration in the web UI: the catalog administrator creates a procedure draft
// (a malformed code is named beside its input, then fixed), builds its workflow (the sum of the
// step times against the legal time as typed, a budget the server refuses named beside the step),
// saves over a version changed meanwhile (reloaded and said so), simulates it, publishes it (refused
// while the step times fall short of the legal time, said beside their sum); then imports a small catalog file and sees the job end with its
// counts (and a refused one with its problems by record), the job kept in the address; the
// hygiene review. Screenshots of each screen.
//
//   node web/tests/admin.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { apiSession, expect, finish, log, login, newPage, shot, startServer, step } from './harness.mjs'

const server = await startServer()
log(`motcua serve at ${server.url}`)
const pw = server.passwords
const code = '1.999001'
const vnDate = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
const today = vnDate(new Date(Date.now() + 7 * 3600 * 1000))

// A catalog file of two procedures (codes `first` and `first + 1`) in the catalog JSON format
// (docs/catalog.md); with `badTime`, the second's legal time is in weeks, which the catalog does
// not know.
function catalogFile(name, first, badTime = false) {
  const record = (c, title, unit) => ({
    code: c,
    name: title,
    level: 'commune',
    field: 'Hộ tịch',
    competent_units: [unit],
    channels: { 'in-person': { time: { amount: 5, unit: 'working-days', text: '05 ngày làm việc' }, fees: [], description: '' } },
    cases: [{ code: '', name: '', components: [{ code: '', name: 'Tờ khai', original_qty: 1, copy_qty: 0, requirement: 'required', condition: '', form_code: '', reusable_from_data_store: false }] }],
    legal_basis: [{ number: '60/2014/QH13', summary: 'Luật Hộ tịch', date: null, issuer: 'Quốc hội' }],
    outcomes: [{ code: '', name: 'Trích lục' }],
    // In force without a workflow: the hygiene review finds it.
    version: { number: 1, state: 'published', published: { number: '15/QĐ-UBND', date: '2025-07-01' }, ended: null, replaced_by: '', expires: null },
  })
  const records = [record(`1.${first}`, 'Thủ tục nhập thử một', 'H99.10'), record(`1.${first + 1}`, 'Thủ tục nhập thử hai', 'H99.10')]
  if (badTime) records[1].channels['in-person'].time.unit = 'weeks'
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-import-')), name)
  fs.writeFileSync(file, JSON.stringify(records))
  return file
}

// The new draft's form filled with a record the server accepts (but for a malformed code).
async function fillNewDraft(page, procedureCode) {
  await page.getByLabel('Mã thủ tục', { exact: true }).fill(procedureCode)
  await page.getByLabel('Tên thủ tục').fill('Cấp bản sao trích lục hộ tịch (thử nghiệm)')
  await page.getByLabel('Lĩnh vực', { exact: true }).fill('Hộ tịch')
  await page.getByLabel(/^Cơ quan có thẩm quyền/).fill('H99.10')
  await page.getByLabel('Thời hạn giải quyết (trực tiếp)').fill('1')
  await page.getByLabel('Giấy tờ 1: tên giấy tờ').fill('Tờ khai cấp bản sao trích lục')
  await page.getByLabel('Tên kết quả 1').fill('Bản sao trích lục hộ tịch')
  await page.getByRole('button', { name: 'Thêm văn bản' }).click()
  await page.getByLabel('Căn cứ pháp lý 1: số, ký hiệu').fill('60/2014/QH13')
  await page.getByLabel('Ngày ban hành (ngày/tháng/năm)').fill('20/11/2014')
}

try {
  const page = await newPage(server)
  await login(page, 'admin', pw.admin)

  await step('the catalog administration lists the procedures in force and searches them', async () => {
    await page.goto('/quan-tri/thu-tuc')
    await page.getByLabel('Tìm theo tên hoặc mã (có dấu hoặc không dấu)').fill('khai sinh')
    await page.getByLabel('Tìm theo tên hoặc mã (có dấu hoặc không dấu)').press('Enter')
    await page.waitForURL(/q=khai/)
    await page.locator('[data-test=procedures] a', { hasText: 'Đăng ký khai sinh' }).first().waitFor()
    await shot(page, 'admin-catalog')
  })

  await step('a new draft: a malformed code is named beside its input, then fixed', async () => {
    await page.locator('[data-test=new-draft]').click()
    await page.getByRole('heading', { name: 'Dự thảo thủ tục mới' }).first().waitFor()
    await fillNewDraft(page, '1.999')
    await page.locator('[data-test=save-record]').click()
    const err = page.locator('[data-test=err-f-code]')
    await err.waitFor()
    expect((await page.getByLabel('Mã thủ tục', { exact: true }).getAttribute('aria-invalid')) === 'true', 'the code input is not marked invalid')
    expect(/mã thủ tục/.test(await err.textContent()), `the code's message: ${await err.textContent()}`)
    await shot(page, 'admin-draft-error')
    await page.getByLabel('Mã thủ tục', { exact: true }).fill(code)
    await page.locator('[data-test=save-record]').click()
    await page.waitForURL(new RegExp(`/quan-tri/thu-tuc/${code.replace('.', '\\.')}\\?v=1`))
    const notice = await page.locator('[data-test=notice]').textContent()
    expect(notice.includes(`Đã tạo dự thảo ${code}`), `notice: ${notice}`)
    await page.locator('[data-test=versions]', { hasText: 'Dự thảo' }).waitFor()
    expect((await page.getByLabel('Ngày ban hành (ngày/tháng/năm)').inputValue()) === '20/11/2014', 'the legal basis date did not come back')
  })

  await step('the workflow: the sum of step times as typed, a refused budget named beside its step', async () => {
    await page.getByRole('button', { name: 'Thêm quy trình' }).click()
    const addStep = page.locator('[data-test=add-step]')
    await addStep.click()
    await addStep.click()
    await page.getByLabel('Tên bước').nth(0).fill('Tiếp nhận, kiểm tra hồ sơ')
    await page.getByLabel('Loại bước').nth(0).selectOption('receive')
    await page.getByLabel('Vai trò').nth(0).selectOption('reception_officer')
    await page.getByLabel('Thời gian xử lý').nth(0).fill('4')
    await page.getByLabel('Tên bước').nth(1).fill('Thẩm định, trình ký')
    await page.getByLabel('Thời gian xử lý').nth(1).fill('2')
    const sum = page.locator('[data-test=sum-0]')
    await sum.getByText('6 giờ').first().waitFor()
    expect((await sum.textContent()).includes('thiếu 2 giờ'), `sum: ${await sum.textContent()}`)
    // 3.25 hours is not whole half hours: the server names the step's time.
    await page.getByLabel('Thời gian xử lý').nth(1).fill('3.25')
    await page.locator('[data-test=save-workflow]').click()
    const stepErr = page.locator('[data-test=err-s0-1-time]')
    await stepErr.waitFor()
    expect(/nửa giờ/.test(await stepErr.textContent()), `the step's message: ${await stepErr.textContent()}`)
    await shot(page, 'admin-workflow-error')
    // Saved 2 hours short of the legal time: the server takes it; publishing will not.
    await page.getByLabel('Thời gian xử lý').nth(1).fill('2')
    await sum.getByText('thiếu 2 giờ').waitFor()
    await page.locator('[data-test=save-workflow]').click()
    await page.locator('[data-test=notice]', { hasText: 'Đã lưu quy trình' }).waitFor()
    await shot(page, 'admin-workflow')
  })

  await step('a draft changed elsewhere meanwhile is reloaded and said so', async () => {
    const admin = await apiSession(server.url, 'admin', pw.admin)
    const read = await admin('GET', `/api/v1/procedures/${code}/versions/1`)
    const { row_version: row, workflows, ...procedure } = read
    expect(workflows.length === 1, 'the saved workflow is not stored')
    await admin('PUT', `/api/v1/procedures/${code}/versions/1`, { version: row, procedure: { ...procedure, name: `${procedure.name} (sửa)` } })
    await page.getByLabel('Tên thủ tục').fill('Tên sửa trên một phiên bản cũ')
    await page.locator('[data-test=save-record]').click()
    await page.locator('[data-test=notice]', { hasText: 'vừa được người khác thay đổi' }).waitFor()
    const name = await page.getByLabel('Tên thủ tục').inputValue()
    expect(name.endsWith('(sửa)'), `the latest was not loaded: ${name}`)
  })

  await step('the draft, never published, is listed on the catalog page and opens from there', async () => {
    const list = await newPage(server)
    await login(list, 'admin', pw.admin)
    await list.goto('/quan-tri/thu-tuc')
    const row = list.locator('[data-test=drafts] li', { hasText: code })
    await row.waitFor()
    expect((await list.locator('[data-test=drafts] li').first().textContent()).includes(code), 'the latest edited draft is not first')
    await shot(list, 'admin-drafts')
    await row.getByRole('link').click()
    await list.waitForURL(new RegExp(`/quan-tri/thu-tuc/${code.replace('.', '\\.')}`))
    await list.locator('[data-test=versions]', { hasText: 'Dự thảo' }).waitFor()
    await list.close()
  })

  await step('the simulation shows each step\'s start and due instant and the verdict', async () => {
    await page.getByLabel('Thời điểm tiếp nhận (ngày/tháng/năm giờ:phút)').first().fill(today)
    await page.locator('[data-test=run-simulation]').click()
    const result = page.locator('[data-test=simulation-result]')
    await result.waitFor()
    const text = await result.textContent()
    expect(text.includes('Tiếp nhận, kiểm tra hồ sơ') && text.includes('Thẩm định, trình ký'), `steps: ${text}`)
    expect(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(text), `no Vietnamese date: ${text}`)
    expect((await page.locator('[data-test=simulation-verdict]').textContent()).includes('Trong thời hạn quy định'), 'not within the legal time')
    await shot(page, 'admin-simulation')
  })

  await step('publishing needs a decision and step times adding up to the legal time', async () => {
    await page.locator('[data-test=verb-publish]').click()
    await page.locator('[data-test=decision-submit]').click()
    await page.locator('[data-test=err-d-number]').waitFor()
    await page.getByLabel('Số quyết định').fill('1234/QĐ-UBND')
    await page.getByLabel('Ngày hiệu lực (ngày/tháng/năm)').fill(today)
    await page.locator('[data-test=decision-submit]').click()
    // The steps' times do not add up to the legal time: the refusal is said beside the sum.
    const budget = page.locator('[data-test=budget-error-0]')
    await budget.waitFor()
    expect((await budget.textContent()).includes('thời hạn quy định là 8 h'), `the budget's message: ${await budget.textContent()}`)
    await shot(page, 'admin-publish-refused')
    await page.getByLabel('Thời gian xử lý').nth(1).fill('4')
    await page.locator('[data-test=sum-0]').getByText('khớp thời hạn').waitFor()
    await page.locator('[data-test=save-workflow]').click()
    await page.locator('[data-test=notice]', { hasText: 'Đã lưu quy trình' }).waitFor()
    await page.locator('[data-test=decision-submit]').click()
    await page.locator('[data-test=notice]', { hasText: 'Đã công bố phiên bản 1' }).waitFor()
    await page.locator('[data-test=versions]', { hasText: 'Đang có hiệu lực' }).waitFor()
    expect(await page.getByLabel('Tên thủ tục').isDisabled(), 'a published version is still editable')
    await shot(page, 'admin-published')
  })

  await step('a catalog file is imported: progress, then the job finishes with its counts', async () => {
    await page.goto('/quan-tri/nhap-danh-muc')
    await page.getByLabel('Tệp danh mục (JSON của motcua hoặc bảng tính XLSX)').setInputFiles(catalogFile('danh-muc.json', 999101))
    await page.locator('[data-test=import-submit]').click()
    await page.waitForURL(/\?job=/)
    await page.locator('[data-test=import-job][data-state=succeeded]').waitFor()
    const written = await page.locator('[data-test=import-written]').textContent()
    expect(written.includes('Đã ghi 2 phiên bản'), `written: ${written}`)
    const progress = await page.locator('[data-test=import-progress]').textContent()
    expect(progress.includes('2/2'), `progress: ${progress}`)
    // The page can be left and opened again from its address.
    const url = page.url()
    await page.goto('/quan-tri/thu-tuc')
    await page.goto(url)
    await page.locator('[data-test=import-job][data-state=succeeded]').waitFor()
    await page.locator('[data-test=recent-imports] tbody tr').first().waitFor()
    await shot(page, 'admin-import')
  })

  await step('a refused import lists its problems by record and writes nothing', async () => {
    await page.getByLabel('Tệp danh mục (JSON của motcua hoặc bảng tính XLSX)').setInputFiles(catalogFile('sai.json', 999201, true))
    await page.locator('[data-test=import-submit]').click()
    await page.locator('[data-test=import-job][data-state=failed]').waitFor()
    const job = await page.locator('[data-test=import-job]').textContent()
    expect(job.includes('Không ghi bản ghi nào') && job.includes('Bản ghi 2') && job.includes('channels.in-person.time.unit'), `refused: ${job}`)
    const stored = await page.request.get('/api/v1/procedures/1.999201/versions')
    expect(stored.status() === 404 || (await stored.json()).items.length === 0, 'a refused import wrote a record')
    await page.locator('[data-test=recent-imports] tbody tr').nth(1).waitFor()
    expect((await page.locator('[data-test=recent-imports] tbody tr').first().textContent()).includes('Bị từ chối'), 'the newest import is not listed first')
    await shot(page, 'admin-import-refused')
  })

  await step('the hygiene review lists its findings with the XLSX link', async () => {
    await page.goto('/quan-tri/ra-soat')
    await page.locator('[data-test=hygiene]').waitFor()
    await page.locator('[data-test=hygiene] tr', { hasText: '1.999101' }).getByText('Chưa có quy trình', { exact: true }).waitFor()
    expect((await page.locator('[data-test=hygiene-xlsx]').getAttribute('href')).includes('format=xlsx'), 'no XLSX link')
    await shot(page, 'admin-hygiene')
  })
  await step('a refused calendar edit is said in Vietnamese, the line named', async () => {
    // A holiday of next year typed into this year's list: the server answers "must lie in the
    // year" for that line (web/src/server-messages.ts).
    const year = Number(new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 4))
    await page.goto('/quan-tri/lich')
    await page.locator('[data-test^=cal-show-]').first().click()
    await page.locator('[data-test=year-edit]').click()
    const yearForm = page.locator('[data-test=year-form]')
    const lines = yearForm.getByLabel('Ngày nghỉ lễ, Tết (mỗi dòng một ngày)')
    const typed = await lines.inputValue()
    const n = typed.split('\n').filter((l) => l.trim()).length
    await lines.fill(`${typed.trim()}\n02/01/${year + 1} Ngày của năm sau`)
    await yearForm.getByLabel('Căn cứ').fill('Công văn thử nghiệm')
    await yearForm.getByRole('button', { name: 'Lưu thay đổi' }).click()
    const said = yearForm.locator('.error-text').filter({ hasText: `Dòng ${n + 1}: phải thuộc năm đang nhập` })
    await said.waitFor()
    expect(!(await yearForm.textContent()).includes('must lie in the year'), 'the English message is shown')
    await shot(page, 'admin-calendar-refused')
  })

  await step("a year's schedule is filled from a CSV file, a refused line named by its number", async () => {
    const year = Number(new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 4))
    await page.goto('/quan-tri/lich')
    await page.locator('[data-test^=cal-show-]').first().click()
    await page.locator('[data-test=year-edit]').click()
    const yearForm = page.locator('[data-test=year-form]')
    const csv = `Ngày,Tên,Loại\n01/01/${year},Tết Dương lịch,\n31/02/${year},"Ngày không có",\n10/01/${year},Làm bù cho ngày 2/1,làm bù\n`
    await yearForm.locator('[data-test=year-file]').setInputFiles({ name: 'lich-nghi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await yearForm.locator('[data-test=year-file-read]').filter({ hasText: 'lich-nghi.csv: 2 ngày nghỉ, 1 ngày làm bù' }).waitFor()
    const holidays = await yearForm.getByLabel('Ngày nghỉ lễ, Tết (mỗi dòng một ngày)').inputValue()
    expect(holidays === `01/01/${year} Tết Dương lịch\n31/02/${year} Ngày không có`, `holidays filled: ${JSON.stringify(holidays)}`)
    const makeUp = await yearForm.getByLabel('Ngày làm bù').inputValue()
    expect(makeUp === `10/01/${year} Làm bù cho ngày 2/1`, `make-up days filled: ${JSON.stringify(makeUp)}`)
    await yearForm.getByLabel('Căn cứ').fill('Công văn thử nghiệm')
    await yearForm.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await yearForm.locator('.error-text').filter({ hasText: 'Dòng 2:' }).waitFor()
    await shot(page, 'admin-calendar-file')
    // A file named .xlsx that is no workbook: the server's refusal, in Vietnamese.
    await yearForm.locator('[data-test=year-file]').setInputFiles({ name: 'lich.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') })
    await yearForm.locator('.alert.error').first().waitFor()
    const said = await yearForm.locator('.alert.error').first().textContent()
    expect(said.includes('không phải tệp Excel (XLSX) đọc được'), `the workbook's refusal is not said in Vietnamese: ${said}`)
    await yearForm.getByRole('button', { name: 'Hủy' }).click()
  })

  await step('a refusal without a field says the server\'s detail in Vietnamese', async () => {
    // A new draft of a procedure that has one already: 409 "procedure … already has draft
    // version 2; edit it instead", shown whole above the button.
    await page.goto(`/quan-tri/thu-tuc/${code}?v=1`)
    await page.getByRole('button', { name: 'Tạo dự thảo phiên bản mới từ phiên bản này' }).click()
    await page.waitForURL(/\?v=2/)
    await page.goto('/quan-tri/thu-tuc-moi')
    await fillNewDraft(page, code)
    await page.locator('[data-test=save-record]').click()
    const alert = page.locator('.alert.error', { hasText: `Thủ tục ${code} đã có dự thảo phiên bản 2; hãy sửa dự thảo đó.` })
    await alert.waitFor()
    expect(!(await alert.textContent()).includes('edit it instead'), 'the English detail is shown')
    await shot(page, 'admin-draft-exists')
  })
  await page.close()
} catch (e) {
  log(`stopped: ${e?.message ?? e}`)
}

await finish(server)
