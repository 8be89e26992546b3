// The citizen's side of a dossier, end to end: a citizen submits online; the ward's officers
// (through the API) receive it and ask for a supplement; the citizen finds it under "Hồ sơ của
// tôi", uploads the supplement from the dossier page and sends it; the officers process it and
// the chairman issues the result with its PDF (through the UI); the citizen downloads that very
// file. "Hồ sơ của tôi" is checked at phone width (375 px, no sideways scrolling).
//
//   node web/tests/citizen.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
import fs from 'node:fs'
import { apiSession, command, expect, finish, log, login, newPage, shot, startServer, state, step, tinyPdf } from './harness.mjs'

const server = await startServer()
log(`motcua serve at ${server.url}`)
const pw = server.passwords
const item = 'Bản sao giấy chứng nhận kết hôn của cha mẹ'
let code = ''
let id = 0

try {
  // The ward's officers (the demo seeds officers of the departments only), as in journey.mjs.
  const ids = {}
  let reception, specialist, chairman
  await step('the ward\'s officers are created (API)', async () => {
    const admin = await apiSession(server.url, 'admin', pw.admin)
    const units = await admin('GET', '/api/v1/units')
    const unitId = (c) => units.items.find((x) => x.code === c).id
    for (const [username, role, unit, fullName] of [
      ['tiepnhan.phuong', 'reception_officer', 'H99.10.01', 'Lý Thị Nhận'],
      ['chuyenvien.phuong', 'specialist', 'H99.10', 'Đặng Thị Thẩm'],
      ['chutich.phuong', 'agency_head', 'H99.10', 'Ngô Văn Ký'],
    ]) {
      pw[username] = 'mat-khau-thu-nghiem-1'
      const u = await admin('POST', '/api/v1/users', {
        username, full_name: fullName, unit_id: unitId(unit), roles: [role], password: pw[username],
      })
      ids[username] = u.id
    }
    reception = await apiSession(server.url, 'tiepnhan.phuong', pw['tiepnhan.phuong'])
    specialist = await apiSession(server.url, 'chuyenvien.phuong', pw['chuyenvien.phuong'])
    chairman = await apiSession(server.url, 'chutich.phuong', pw['chutich.phuong'])
  })
  // One command with the version the officer reads first.
  const act = async (who, body) => {
    const d = await who('GET', `/api/v1/dossiers/${id}`)
    return who('POST', `/api/v1/dossiers/${id}/commands`, { version: d.version, ...body })
  }

  const citizen = await newPage(server, { phone: true })
  await step('the citizen submits online', async () => {
    await login(citizen, 'congdan', pw.congdan)
    await citizen.goto('/nop-ho-so/1.001193')
    await citizen.getByLabel(/Họ và tên/).fill('Nguyễn Thị Dân')
    await citizen.getByLabel(/Số định danh cá nhân/).fill('001190012345')
    await citizen.getByLabel('Cơ quan giải quyết').selectOption('H99.10')
    await citizen.getByLabel(/Tờ khai đăng ký khai sinh theo mẫu/).setInputFiles(tinyPdf('to-khai'))
    await citizen.getByLabel(/Giấy chứng sinh/).setInputFiles(tinyPdf('giay-chung-sinh'))
    await citizen.locator('[data-test=uploaded]').nth(1).waitFor()
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    code = (await citizen.locator('[data-test=dossier-code]').textContent()).trim()
    await citizen.getByRole('link', { name: 'Mở hồ sơ' }).click()
    await citizen.waitForURL(/\/ho-so\/\d+$/)
    id = Number(new URL(citizen.url()).pathname.split('/').pop())
    expect(id > 0, `dossier id from ${citizen.url()}`)
  })

  await step('the officers receive it and ask for a supplement (API)', async () => {
    await act(reception, { command: 'receive' })
    await act(reception, { command: 'forward' })
    await act(chairman, { command: 'assign', to_user: ids['chuyenvien.phuong'] })
    const d = await act(specialist, {
      command: 'request-supplement', items: [item], reason: 'Thiếu giấy tờ chứng minh quan hệ cha mẹ',
    })
    expect(d.state.code === 5, `state ${d.state.code}`)
  })

  await step('the citizen sees it under "Hồ sơ của tôi" at phone width', async () => {
    await citizen.getByRole('link', { name: 'Hồ sơ của tôi' }).click()
    await citizen.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor()
    const row = citizen.locator(`[data-test="my-${code}"]`)
    await row.waitFor()
    const said = (await row.locator('[data-test=my-state]').textContent()).trim()
    expect(said === 'Yêu cầu bổ sung giấy tờ', `state ${said}`)
    await row.getByText('Đăng ký khai sinh').first().waitFor()
    await shot(citizen, 'my-dossiers-375')
    await row.getByRole('link', { name: code }).click()
    await citizen.locator('[data-test=supplement]').waitFor()
  })

  const supplement = tinyPdf('giay-ket-hon')
  await step('the citizen uploads the supplement from the dossier page and sends it', async () => {
    // Sent without a file: the page says what is missing and nothing changes.
    await citizen.locator('[data-test=supplement-send]').click()
    await citizen.getByText('Hãy đính kèm ít nhất một tệp.').waitFor()
    expect((await state(citizen)) === 'Yêu cầu bổ sung giấy tờ', `state ${await state(citizen)}`)
    await citizen.getByLabel(item).setInputFiles(supplement)
    await citizen.locator('[data-test=supplement] [data-test=uploaded]').waitFor()
    await shot(citizen, 'supplement-375')
    await citizen.locator('[data-test=supplement-send]').click()
    await citizen.locator('[data-test=notice]').waitFor()
    expect((await state(citizen)) === 'Đang xử lý', `state ${await state(citizen)}`)
    await citizen.locator('[data-test=supplied]').getByText(item).waitFor()
    const seen = await specialist('GET', `/api/v1/dossiers/${id}`)
    expect(seen.supplied.length === 1 && seen.supplied[0].name === item, `supplied ${JSON.stringify(seen.supplied)}`)
    expect(seen.events.at(-1).actor === 'applicant', `last event by ${seen.events.at(-1).actor}`)
  })

  const result = tinyPdf('ket-qua-giay-khai-sinh')
  await step('the specialist forwards (API); the chairman issues with the result document', async () => {
    await act(specialist, { command: 'forward', reason: 'Hồ sơ đủ điều kiện, trình ký' })
    const page = await newPage(server)
    await login(page, 'chutich.phuong', pw['chutich.phuong'])
    await page.goto(`/ho-so/${id}`)
    await command(page, 'issue', async () => {
      await page.getByLabel('Số, ký hiệu văn bản kết quả').fill('126/GKS')
      await page.getByLabel(/Tệp kết quả/).setInputFiles(result)
      await page.locator('[data-test=result-uploaded]').waitFor()
    })
    expect((await state(page)) === 'Đã xử lý xong', `state ${await state(page)}`)
    await page.close()
  })

  await step('the citizen downloads the result: the very bytes issued', async () => {
    await citizen.reload()
    const link = citizen.locator('[data-test=result-download]')
    await link.waitFor()
    await shot(citizen, 'result-375')
    const res = await citizen.context().request.get(await link.getAttribute('href'))
    expect(res.status() === 200, `result: ${res.status()}`)
    expect(res.headers()['content-type'] === 'application/pdf', `type ${res.headers()['content-type']}`)
    expect(Buffer.compare(await res.body(), fs.readFileSync(result)) === 0, 'the downloaded result differs')
  })
  await citizen.close()
} catch {
  // Reported by step(); each step depends on the one before.
} finally {
  await finish(server)
}
