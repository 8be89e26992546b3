// The leader's desk: a head of a department sees what waits for approval, what waits for
// signature and the apologies (form 04) drafted for late dossiers, each list with its count;
// approves one dossier and signs an apology from there.
//
//   node web/tests/leader.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
//
// The department of construction (H99.04) gets its officers through the API; three building
// permits (9.900502: receive, assign, appraise, approve, sign, issue, return) are received at the
// provincial center and moved on through the API: one to the approval step, one to the signing
// step, one left at the appraisal with an apology drafted. Prints "N passed, N failed".
import { apiSession, command, expect, finish, log, login, newPage, shot, startServer, state, step } from './harness.mjs'

const server = await startServer()
log(`motcua serve at ${server.url}`)
const pw = server.passwords

try {
  let reception, division, specialist
  await step('the department\'s officers are created (API)', async () => {
    const admin = await apiSession(server.url, 'admin', pw.admin)
    const units = await admin('GET', '/api/v1/units')
    const unitId = (c) => units.items.find((x) => x.code === c).id
    for (const [username, role, fullName] of [
      ['truongphong.xd', 'division_head', 'Trịnh Văn Phòng'],
      ['chuyenvien.xd', 'specialist', 'Lã Thị Xây'],
      ['giamdoc.xd', 'agency_head', 'Tôn Thất Dựng'],
    ]) {
      pw[username] = 'mat-khau-thu-nghiem-1'
      await admin('POST', '/api/v1/users', {
        username, full_name: fullName, unit_id: unitId('H99.04'), roles: [role], password: pw[username],
      })
    }
    reception = await apiSession(server.url, 'tiepnhan', pw.tiepnhan)
    division = await apiSession(server.url, 'truongphong.xd', pw['truongphong.xd'])
    specialist = await apiSession(server.url, 'chuyenvien.xd', pw['chuyenvien.xd'])
  })

  // One command with the version the officer reads first.
  const act = async (who, id, body) => {
    const d = await who('GET', `/api/v1/dossiers/${id}`)
    return who('POST', `/api/v1/dossiers/${id}/commands`, { version: d.version, ...body })
  }
  const receive = async (name) => {
    const d = await reception('POST', '/api/v1/dossiers', {
      procedure_code: '9.900502',
      channel: 'in-person',
      decision: 'receive',
      applicant: { name, id_number: '001190012345', address: 'Phường Hòa Bình', phone: '0912345678' },
      components: [
        'Đơn đề nghị cấp giấy phép xây dựng theo mẫu',
        'Giấy tờ chứng minh quyền sử dụng đất',
        'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, sơ đồ đấu nối hạ tầng)',
        'Quyết định phê duyệt dự án và văn bản thẩm định thiết kế',
      ].map((n) => ({ name: n, provision: 'paper-original' })),
    })
    await act(reception, d.id, { command: 'forward' })  // to the department's assignment
    return d
  }
  const forward = async (id, times) => {
    let d
    for (let i = 0; i < times; i++) d = await act(division, id, { command: 'forward', reason: 'Đồng ý, chuyển bước' })
    return d
  }

  let approval, signing, late
  await step('three building permits reach the approval, the signature and an apology draft (API)', async () => {
    approval = await receive('Phạm Văn Duyệt')
    signing = await receive('Hồ Thị Ký')
    late = await receive('Mai Văn Trễ')
    const a = await forward(approval.id, 2)  // assignment, appraisal -> approval
    expect(a.step_kind === 'approve', `approval at ${a.step_id} (${a.step_kind})`)
    const s = await forward(signing.id, 3)  // ... approval -> signature
    expect(s.step_kind === 'sign', `signing at ${s.step_id} (${s.step_kind})`)
    const l = await forward(late.id, 1)  // at the appraisal: late, the unit drafts the apology
    const due = Date.parse(l.times.due.utc)
    const drafted = await act(specialist, late.id, {
      command: 'draft-apology',
      reason: 'Cần lấy ý kiến cơ quan phòng cháy chữa cháy',
      new_appointment: new Date(due + 5 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    })
    expect(drafted.apology.drafted && !drafted.apology.signed, `apology ${JSON.stringify(drafted.apology)}`)
  })

  const page = await newPage(server)
  const count = async (list) => (await page.locator(`[data-test=leader-${list}-count]`).textContent()).trim()
  const row = (list, code) => page.locator(`[data-test=leader-${list}] tr`, { hasText: code })
  await step('the head of the department sees each list with its count', async () => {
    await login(page, 'giamdoc.xd', pw['giamdoc.xd'])
    await page.getByRole('link', { name: 'Lãnh đạo' }).click()
    await page.getByRole('heading', { name: 'Việc của lãnh đạo' }).waitFor()
    await page.getByRole('heading', { name: /Chờ phê duyệt/ }).waitFor()
    await page.getByRole('heading', { name: /Chờ ký/ }).first().waitFor()
    await page.getByRole('heading', { name: /Thư xin lỗi chờ ký/ }).waitFor()
    expect((await count('approve')) === '1', `approval count ${await count('approve')}`)
    expect((await count('sign')) === '1', `signature count ${await count('sign')}`)
    expect((await count('apology')) === '1', `apology count ${await count('apology')}`)
    await row('approve', approval.code).getByText('Chờ phê duyệt', { exact: true }).waitFor()
    await row('sign', signing.code).getByText('Chờ ký', { exact: true }).waitFor()
    const apology = row('apology', late.code)
    await apology.getByText('Cần lấy ý kiến cơ quan phòng cháy chữa cháy').waitFor()
    expect((await row('approve', signing.code).count()) === 0, 'the signing dossier is not waiting for approval')
    // The unit's on-time figures stay on the page.
    await page.locator('[data-test=leader-on-time]').waitFor()
    await shot(page, 'leader-desk')
  })

  await step('the head approves the dossier waiting for approval', async () => {
    await row('approve', approval.code).getByRole('link', { name: approval.code }).click()
    await page.waitForURL(/\/ho-so\/\d+$/)
    await command(page, 'forward', async () => {
      await page.getByLabel('Ý kiến, lý do').fill('Đồng ý, trình lãnh đạo Sở ký')
    })
    expect((await state(page)) === 'Đang xử lý', `state ${await state(page)}`)
    await page.getByRole('link', { name: 'Lãnh đạo' }).click()
    await page.locator('[data-test=leader-approve]').getByText('Không có hồ sơ trong danh sách này.').waitFor()
    expect((await count('approve')) === '0', `approval count ${await count('approve')}`)
    // Approved, it now waits for the signature beside the other one.
    await row('sign', approval.code).waitFor()
    expect((await count('sign')) === '2', `signature count ${await count('sign')}`)
  })

  await step('the head opens the apology draft from the list and signs it', async () => {
    await row('apology', late.code).getByRole('link', { name: late.code }).click()
    await page.waitForURL(/\/ho-so\/\d+$/)
    await command(page, 'sign-apology')
    await page.getByRole('link', { name: 'Lãnh đạo' }).click()
    await page.locator('[data-test=leader-apology]').getByText('Không có hồ sơ trong danh sách này.').waitFor()
    expect((await count('apology')) === '0', `apology count ${await count('apology')}`)
    await shot(page, 'leader-desk-after')
  })

  await step('the desk in English and at phone width', async () => {
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click()
    await page.getByRole('heading', { name: /Waiting for approval/ }).waitFor()
    await page.getByRole('heading', { name: /Apologies to sign/ }).waitFor()
    await shot(page, 'leader-desk-en')
    await page.close()
    const phone = await newPage(server, { phone: true })
    await login(phone, 'giamdoc.xd', pw['giamdoc.xd'])
    await phone.goto('/lanh-dao')
    await phone.locator('[data-test=leader-sign] tr', { hasText: signing.code }).waitFor()
    await shot(phone, 'leader-desk-375')
    await phone.close()
  })
} catch {
  // Reported by step(); the rest depends on it.
} finally {
  await finish(server)
}
