// The web UI end to end: a real `motcua serve --demo` on a free port with a temporary SQLite
// database, driven through Debian's Chromium by playwright-core.
//
//   node web/tests/journey.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
//
// The journey: a citizen finds a procedure without typing diacritics and submits online with an
// upload; a reception officer receives it and opens form 01; the chairman assigns it to a
// specialist from the unassigned queue; the specialist asks for a supplement
// (form 02) that the center receives, then pauses, resumes and forwards; the head approves and issues; the reception officer returns the result; the citizen
// sees the final state by code and secret (also at phone width). Then: an officer of another
// unit who cannot open the dossier, and the counter receiving, guiding and refusing. Screenshots of the
// main screens go to --shots. Prints "N passed, N failed" and exits non-zero on any failure.
import { apiSession, command, expect, finish, log, login, newPage, shot, startServer, state, step, tinyPdf } from './harness.mjs'

// --- the journey ------------------------------------------------------------------------------

const server = await startServer()
log(`motcua serve at ${server.url}`)
const pw = server.passwords
let code = ''
let secret = ''
let dossierUrl = ''

try {
  // The commune's officers who appraise and sign birth registrations (the demo province seeds
  // officers of the departments and the provincial center only).
  const admin = await apiSession(server.url, 'admin', pw.admin)
  const units = await admin('GET', '/api/v1/units')
  const unitId = (code) => {
    const u = units.items.find((x) => x.code === code)
    expect(u, `no demo unit ${code}`)
    return u.id
  }
  const officers = [
    ['tiepnhan.phuong', 'reception_officer', 'H99.10.01', 'Lý Thị Nhận'],
    ['chuyenvien.phuong', 'specialist', 'H99.10', 'Đặng Thị Thẩm'],
    ['chutich.phuong', 'agency_head', 'H99.10', 'Ngô Văn Ký'],
  ]
  for (const [username, role, unit, fullName] of officers) {
    pw[username] = 'mat-khau-thu-nghiem-1'
    await admin('POST', '/api/v1/users', {
      username, full_name: fullName, unit_id: unitId(unit), roles: [role], password: pw[username],
    })
  }

  await step('the public catalog finds "Đăng ký khai sinh" from "dang ky khai sinh"', async () => {
    const page = await newPage(server, { phone: true })
    await page.goto('/')
    await page.getByLabel('Tìm thủ tục (gõ có dấu hoặc không dấu)').fill('dang ky khai sinh')
    await page.waitForURL(/q=dang/)
    await page.locator('[aria-busy=false] .results').waitFor()
    const found = await page.locator('.results li').count()
    expect(found >= 1 && found < 38, `the search found ${found} of 38`)
    await shot(page, 'catalog-375')
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click()
    await page.getByRole('heading', { name: 'Đăng ký khai sinh' }).waitFor()
    await page.getByText('Tờ khai đăng ký khai sinh theo mẫu').waitFor()
    await shot(page, 'procedure-375')
    await page.close()
  })

  await step('the citizen logs in from the procedure and submits online with an upload', async () => {
    const page = await newPage(server, { phone: true })
    await page.goto('/thu-tuc/1.001193')
    await page.getByRole('link', { name: 'Đăng nhập để nộp hồ sơ trực tuyến' }).click()
    await page.getByLabel('Tên đăng nhập').fill('congdan')
    await page.getByLabel('Mật khẩu').fill(pw.congdan)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByRole('heading', { name: 'Nộp hồ sơ trực tuyến' }).waitFor()
    await page.getByLabel(/Họ và tên/).fill('Nguyễn Thị Dân')
    await page.getByLabel(/Số định danh cá nhân/).fill('001190012345')
    await page.getByLabel('Số điện thoại').fill('0912 345 678')
    await page.getByLabel('Cơ quan giải quyết').selectOption('H99.10')
    await page.getByLabel(/Tờ khai đăng ký khai sinh theo mẫu/).setInputFiles(tinyPdf('to-khai'))
    await page.getByLabel(/Giấy chứng sinh/).setInputFiles(tinyPdf('giay-chung-sinh'))
    await page.locator('[data-test=uploaded]').nth(1).waitFor()
    await shot(page, 'submit-375')
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    code = (await page.locator('[data-test=dossier-code]').textContent()).trim()
    secret = (await page.locator('[data-test=dossier-secret]').textContent()).trim()
    expect(/^H99\.[0-9.]+-\d{6}-\d{4,}$/.test(code), `dossier code ${code}`)
    expect(secret.length >= 8, 'no lookup secret')
    await shot(page, 'submitted-375')
    // Their own dossier, as submitted: nothing for the applicant to do before reception.
    await page.getByRole('link', { name: 'Mở hồ sơ' }).click()
    await page.locator('[data-test=dossier-state]').waitFor()
    expect((await state(page)) === 'Mới đăng ký', `state ${await state(page)}`)
    await page.getByText('Bạn không có thao tác nào với hồ sơ ở bước này.').waitFor()
    await shot(page, 'citizen-dossier-375')
    await page.close()
  })

  let reception
  await step('the reception officer finds it among online submissions, receives it and opens form 01', async () => {
    reception = await newPage(server)
    await login(reception, 'tiepnhan.phuong', pw['tiepnhan.phuong'])
    await reception.goto('/ho-so?q=submitted')
    await reception.getByRole('link', { name: code }).click()
    await reception.locator('[data-test=dossier-code]').waitFor()
    dossierUrl = new URL(reception.url()).pathname
    expect((await state(reception)) === 'Mới đăng ký', `state ${await state(reception)}`)
    await command(reception, 'receive')
    expect((await state(reception)) === 'Được tiếp nhận', `state ${await state(reception)}`)
    const remaining = (await reception.locator('[data-test=remaining]').textContent()).trim()
    expect(/^(Còn|Quá) /.test(remaining), `remaining ${remaining}`)
    const href = await reception.locator('[data-test=form-01]').getAttribute('href')
    const pdf = await reception.context().request.get(href)
    expect(pdf.status() === 200, `form 01: ${pdf.status()}`)
    expect(pdf.headers()['content-type'] === 'application/pdf', `form 01 type ${pdf.headers()['content-type']}`)
    expect((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'form 01 is not a PDF')
    await command(reception, 'forward')
    expect((await state(reception)) === 'Đang xử lý', `state ${await state(reception)}`)
    await shot(reception, 'dossier-received')
  })

  await step('the chairman assigns it from the unassigned queue to the specialist (bulk assignment)', async () => {
    const page = await newPage(server)
    await login(page, 'chutich.phuong', pw['chutich.phuong'])
    await page.goto('/ho-so?q=unassigned')
    await page.getByRole('link', { name: code }).waitFor()
    await page.getByLabel(`Chọn hồ sơ ${code}`).check()
    await page.getByLabel('Phân công cho').selectOption({ label: 'Đặng Thị Thẩm (chuyenvien.phuong)' })
    await shot(page, 'desk-assign')
    await page.locator('[data-test=assign]').click()
    const said = (await page.locator('[data-test=assign-result]').textContent()).trim()
    expect(said === 'Đã phân công 1 hồ sơ.', `assignment: ${said}`)
    await page.close()
  })

  let specialist
  await step('the specialist asks for a supplement once, listing what is missing; the center receives it', async () => {
    specialist = await newPage(server)
    const page = specialist
    await login(page, 'chuyenvien.phuong', pw['chuyenvien.phuong'])
    await page.goto('/ho-so?q=mine')
    await page.getByRole('link', { name: code }).waitFor()
    await page.getByRole('cell', { name: /Công chức chuyên môn thẩm định, trình ký/ }).waitFor()
    await shot(page, 'desk')
    await page.getByRole('link', { name: code }).click()
    // Offered what the state machine allows a specialist at the appraisal step, nothing more.
    await page.locator('[data-test=cmd-forward]').waitFor()
    for (const other of ['issue', 'return', 'receive', 'sign-apology']) {
      expect((await page.locator(`[data-test=cmd-${other}]`).count()) === 0, `the specialist is offered ${other}`)
    }
    // A supplement request without its reason names the field.
    await page.locator('[data-test=cmd-request-supplement]').click()
    await page.getByLabel('Giấy tờ cần bổ sung (mỗi dòng một mục)').fill('Bản sao giấy chứng nhận kết hôn của cha mẹ')
    await page.locator('[data-test=cmd-confirm]').click()
    await page.locator('.error-text', { hasText: /./ }).first().waitFor()
    await page.getByLabel('Lý do (bắt buộc)').fill('Thiếu giấy tờ chứng minh quan hệ cha mẹ')
    await page.locator('[data-test=cmd-confirm]').click()
    await page.locator('[data-test=notice]').waitFor()
    expect((await state(page)) === 'Yêu cầu bổ sung giấy tờ', `state ${await state(page)}`)
    expect((await page.locator('[data-test=cmd-request-supplement]').count()) === 0, 'a second request is offered')
    const form02 = await page.locator('[data-test=form-02]').getAttribute('href')
    const pdf = await page.context().request.get(form02)
    expect(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', `form 02: ${pdf.status()}`)
    await reception.goto(dossierUrl)
    await command(reception, 'receive-supplement')
    expect((await state(reception)) === 'Đang xử lý', `state ${await state(reception)}`)
  })

  await step('the specialist pauses, resumes and forwards with an opinion', async () => {
    const page = specialist
    await page.goto(dossierUrl)
    await command(page, 'pause', async () => {
      await page.getByLabel('Loại tạm dừng').selectOption('expert-assessment')
      await page.getByLabel('Lý do (bắt buộc)').fill('Chờ xác minh thông tin nơi sinh')
    })
    await page.getByText('Đang tạm dừng').first().waitFor()
    await command(page, 'resume')
    await command(page, 'forward', async () => {
      await page.getByLabel('Ý kiến, lý do').fill('Hồ sơ đủ điều kiện, trình ký')
    })
    const timeline = await page.locator('[data-test=timeline]').textContent()
    for (const kind of ['Yêu cầu bổ sung', 'Nhận bổ sung', 'Tạm dừng', 'Tiếp tục', 'Chuyển bước',
      'Hồ sơ đủ điều kiện, trình ký']) {
      expect(timeline.includes(kind), `timeline lacks ${kind}`)
    }
    await page.locator('[data-test=clock] summary').click()
    await page.locator('[data-test=clock] li').first().waitFor()
    await shot(page, 'dossier-clock')
    await page.close()
  })

  await step('the head finds it on the leader\'s desk, waiting for the issue, and issues the result', async () => {
    const page = await newPage(server)
    await login(page, 'chutich.phuong', pw['chutich.phuong'])
    await page.getByRole('link', { name: 'Lãnh đạo' }).click()
    const row = page.locator('[data-test^=leader-] tr', { hasText: code }).first()
    await row.getByText(/^Chờ (ký ban hành|ký|phê duyệt)$/).waitFor()
    await shot(page, 'leader-waiting')
    await row.getByRole('link', { name: code }).click()
    await page.waitForURL(/\/ho-so\/\d+$/)
    await command(page, 'issue', async () => {
      await page.getByLabel('Số, ký hiệu văn bản kết quả').fill('125/GKS')
    })
    expect((await state(page)) === 'Đã xử lý xong', `state ${await state(page)}`)
    await page.close()
  })

  await step('the reception officer returns the result at the counter', async () => {
    await reception.goto(dossierUrl)
    await command(reception, 'return', async () => {
      await reception.getByLabel('Hình thức trả kết quả').selectOption('counter')
    })
    expect((await state(reception)) === 'Đã trả kết quả', `state ${await state(reception)}`)
    await reception.getByText('Hồ sơ đã kết thúc, không còn thao tác.').waitFor()
    await shot(reception, 'dossier-returned')
  })

  await step('the citizen sees the final state by code and secret (the QR link), at phone width', async () => {
    const page = await newPage(server, { phone: true })
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}&k=${encodeURIComponent(secret)}`)
    await page.locator('[data-test=lookup-state]').waitFor()
    const shown = (await page.locator('[data-test=lookup-state]').textContent()).trim()
    expect(shown === 'Đã trả kết quả', `lookup state ${shown}`)
    expect(!page.url().includes('k='), 'the secret stays in the address bar')
    await shot(page, 'lookup-375')
    // In English too.
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click()
    await page.getByText('Result returned').waitFor()
    // A wrong secret is told plainly.
    await page.getByLabel('Lookup code').fill('sai-ma')
    await page.getByRole('button', { name: 'Track' }).click()
    await page.getByText('No dossier with this code and lookup code.').waitFor()
    await page.close()
  })

  await step('an officer of another unit cannot open the dossier', async () => {
    const page = await newPage(server)
    await login(page, 'chuyenvien.datdai', pw['chuyenvien.datdai'])
    await page.goto(dossierUrl)
    await page.getByText('Không tìm thấy hồ sơ, hoặc bạn không có quyền xem hồ sơ này.').waitFor()
    expect((await page.locator('[data-test=dossier-code]').count()) === 0, 'the dossier was shown')
    await page.close()
  })

  await step('the counter receives a dossier (form 01 with its QR link), guides one (form 02) and refuses one (form 03)', async () => {
    await reception.close()
    reception = await newPage(server)
    await login(reception, 'tiepnhan', pw.tiepnhan)
    const counter = async (name, idNumber) => {
      await reception.goto('/tiep-nhan')
      await reception.getByLabel('Tìm thủ tục').fill('ket hon')
      await reception.getByRole('button', { name: 'Tìm kiếm' }).click()
      await reception.getByRole('button', { name: 'Chọn: Đăng ký kết hôn' }).click()
      await reception.getByLabel('Họ và tên').fill(name)
      await reception.getByLabel(/Số định danh cá nhân/).fill(idNumber)
      await reception.getByLabel('Cơ quan giải quyết').selectOption('H99.11')
    }
    const formOf = async (form) => {
      const href = await reception.locator('[data-test=form-link]').getAttribute('href')
      expect(href.includes(`/forms/${form}`), `form link ${href}`)
      const pdf = await reception.context().request.get(href)
      expect(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', `form ${form}: ${pdf.status()}`)
      return href
    }
    // Received: the first component as a paper original, the conditional ones do not apply.
    await counter('Phạm Văn Cường', '001087012345')
    await shot(reception, 'reception')
    await reception.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()
    await reception.getByRole('heading', { name: /Đã tiếp nhận hồ sơ/ }).waitFor()
    const form01 = await formOf('01')
    expect(form01.includes('secret='), 'form 01 without the secret of its QR link')
    await shot(reception, 'reception-received')
    await reception.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click()
    // Guided: the declaration is missing; the items default to what is marked missing.
    await counter('Hoàng Thị Dung', '001190054321')
    await reception.getByLabel(/Tờ khai đăng ký kết hôn/).selectOption('missing')
    await reception.getByRole('button', { name: 'Hướng dẫn bổ sung' }).click()
    await reception.getByRole('heading', { name: /Đã hướng dẫn bổ sung hồ sơ/ }).waitFor()
    await formOf('02')
    // Refused: first without a reason (the field is named), then with one.
    await reception.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click()
    await counter('Trần Văn Bình', '001085054321')
    await reception.getByRole('button', { name: 'Từ chối tiếp nhận' }).click()
    await reception.getByRole('alert').filter({ hasText: 'Ý kiến, lý do' }).waitFor()
    await reception.getByLabel('Lý do từ chối').fill('Người yêu cầu chưa đủ tuổi kết hôn theo quy định')
    await reception.getByRole('button', { name: 'Từ chối tiếp nhận' }).click()
    await reception.getByRole('heading', { name: /Đã từ chối tiếp nhận hồ sơ/ }).waitFor()
    await formOf('03')
    await shot(reception, 'reception-refused')
  })

  await step('a session that ends under a page leads to the login and back', async () => {
    await reception.context().clearCookies()
    await reception.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click()
    await reception.waitForURL(/\/dang-nhap\?next=/)
    await reception.getByLabel('Tên đăng nhập').fill('tiepnhan')
    await reception.getByLabel('Mật khẩu').fill(pw.tiepnhan)
    await reception.getByRole('button', { name: 'Đăng nhập' }).click()
    await reception.waitForURL(/\/ho-so/)
    await reception.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor()
    // The desk in English.
    await reception.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click()
    await reception.getByRole('heading', { name: 'Dossiers to work on' }).waitFor()
    await reception.locator('[data-test=queue-open]').click()
    await reception.getByRole('link', { name: /^H99\.01-/ }).first().waitFor()
    await shot(reception, 'desk-en')
  })

  await step('a leader sees the unit\'s figures, opens the dashboard and clicks through from a figure to the dossier', async () => {
    const page = await newPage(server)
    await login(page, 'chutich.phuong', pw['chutich.phuong'])
    await page.getByRole('link', { name: 'Lãnh đạo' }).click()
    await page.getByRole('heading', { name: 'Việc của lãnh đạo' }).waitFor()
    const onTime = (await page.locator('[data-test=leader-on-time]').textContent()).trim()
    expect(onTime === '100%', `the ward's on-time rate: ${onTime}`)
    await shot(page, 'leader')
    await page.getByRole('link', { name: 'Báo cáo, thống kê' }).click()
    await page.getByRole('heading', { name: 'Báo cáo, thống kê' }).waitFor()
    await page.locator('[data-test=chart-outcome] canvas').waitFor()
    const received = Number((await page.locator('[data-test=fig-received]').textContent()).trim())
    expect(received >= 1, `received ${received}`)
    // Not measurable is said, never shown as 0%.
    const fees = await page.locator('[data-test=share-fees_paid_online]').textContent()
    expect(fees.includes('Chưa đo được') && !fees.includes('0%'), `fees paid online: ${fees}`)
    const ind = await page.locator('[data-test="ind-1.4"]').textContent()
    expect(ind.includes('Chưa đo được'), `766 indicator 1.4: ${ind}`)
    await shot(page, 'dashboard')
    // The year instead of the month: the address carries the filters.
    const year = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 4)
    await page.getByLabel('Kỳ báo cáo').selectOption('year')
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await page.waitForURL(new RegExp(`period=${year}$|period=${year}&`))
    await page.locator('[data-test=dash-period]').getByText(`01/01/${year} – 31/12/${year}`).waitFor()
    // Grouped by channel, then by the officer who issued the result (the chairman).
    await page.getByLabel('Nhóm theo').selectOption('channel')
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await page.locator('[data-test=unit-table]').getByText('Trực tuyến').waitFor()
    await page.getByLabel('Nhóm theo').selectOption('officer')
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await page.locator('[data-test=unit-table]').getByText('Ngô Văn Ký').waitFor()
    await page.locator('[data-test=fig-resolved_early], [data-test=fig-resolved_on_time]').filter({ hasNotText: /^\s*0\s*$/ }).first().click()
    await page.locator('[data-test=drill-heading]').waitFor()
    await page.getByRole('link', { name: code }).waitFor()
    await shot(page, 'dashboard-drill')
    await page.getByRole('link', { name: code }).click()
    await page.waitForURL(/\/ho-so\/\d+$/)
    expect((await page.locator('[data-test=dossier-code]').textContent()).includes(code), 'the dossier page')
    // In English, the same figures.
    await page.goBack()
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click()
    await page.getByRole('heading', { name: 'Reports and statistics' }).waitFor()
    await page.getByText('Not measurable').first().waitFor()
    await shot(page, 'dashboard-en')
    await page.close()
  })

  await step('the administrator adds a user: a short password is named beside its field, then the user is listed', async () => {
    const year = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 4)
    const page = await newPage(server)
    await login(page, 'admin', pw.admin)
    await page.getByRole('link', { name: 'Quản trị' }).click()
    await page.getByRole('heading', { name: 'Thêm người dùng' }).waitFor()
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('motcua.canbo')
    await page.getByLabel('Họ và tên').fill('Trịnh Thị Mỹ Hạnh')
    await page.getByLabel('Đơn vị').selectOption({ label: 'UBND phường Hòa Bình (H99.10)' })
    await page.getByLabel('Chuyên viên xử lý').check()
    await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan')
    await page.getByRole('button', { name: 'Tạo người dùng' }).click()
    await page.locator('[data-test=err-password]').waitFor()
    expect(await page.getByLabel('Mật khẩu', { exact: true }).getAttribute('aria-invalid') === 'true', 'the password field is not marked')
    await shot(page, 'admin-user-error')
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-du-dai-1')
    await page.getByRole('button', { name: 'Tạo người dùng' }).click()
    await page.locator('[data-test=user-created]').waitFor()
    await page.locator('[data-test=users]').getByText('Trịnh Thị Mỹ Hạnh').waitFor()
    // The same username again is named beside the field (a 409 without a field).
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('motcua.canbo')
    await page.getByLabel('Họ và tên').fill('Người Trùng Tên')
    await page.getByLabel('Văn thư').check()
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-du-dai-2')
    await page.getByRole('button', { name: 'Tạo người dùng' }).click()
    await page.getByText('Tên đăng nhập này đã có người dùng').waitFor()
    // Edited: a second role, then listed with both.
    await page.getByRole('button', { name: 'Sửa Trịnh Thị Mỹ Hạnh' }).click()
    await page.getByRole('heading', { name: 'Sửa người dùng Trịnh Thị Mỹ Hạnh' }).waitFor()
    await page.getByLabel('Văn thư').check()
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await page.getByText('Đã lưu người dùng Trịnh Thị Mỹ Hạnh.').waitFor()
    await page.locator('[data-test=users] tr', { hasText: 'Trịnh Thị Mỹ Hạnh' }).getByText('Chuyên viên xử lý, Văn thư').waitFor()
    await shot(page, 'admin-users')
    // A unit: a code in lower case is named beside the field, then the unit is added under the ward.
    await page.getByRole('link', { name: 'Đơn vị' }).click()
    await page.locator('[data-test=units]').getByText('UBND phường Hòa Bình').waitFor()
    const unitForm = page.locator('[data-test=unit-form]')
    await unitForm.getByLabel('Mã định danh điện tử').fill('h99.10.02')
    await unitForm.getByLabel('Tên đơn vị').fill('Phòng Văn hóa – Xã hội phường Hòa Bình')
    await unitForm.getByLabel('Loại').selectOption('division')
    await unitForm.getByLabel('Đơn vị cấp trên').selectOption(String(unitId('H99.10')))
    await unitForm.getByRole('button', { name: 'Thêm đơn vị' }).click()
    await unitForm.locator('.error-text').filter({ hasText: 'chỉ gồm chữ số, chữ in hoa và dấu chấm' }).waitFor()
    await unitForm.getByLabel('Mã định danh điện tử').fill('H99.10.02')
    await unitForm.getByRole('button', { name: 'Thêm đơn vị' }).click()
    await page.locator('[data-test=unit-saved]').waitFor()
    await page.locator('[data-test=units]').getByText('Phòng Văn hóa – Xã hội phường Hòa Bình').waitFor()
    // Edited: its own calendar instead of the ward's.
    await page.getByRole('button', { name: 'Sửa Phòng Văn hóa – Xã hội phường Hòa Bình' }).click()
    await unitForm.getByLabel('Lịch làm việc').selectOption({ label: 'Lịch làm việc chung (toàn quốc)' })
    await unitForm.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await page.locator('[data-test=unit-saved]').filter({ hasText: 'được tính lại theo lịch mới' }).waitFor()
    await shot(page, 'admin-units')
    await page.getByRole('link', { name: 'Lịch làm việc' }).click()
    await page.locator('[data-test^=cal-show-]').first().click()
    await page.locator('[data-test=holidays]').getByText(/Tết|Quốc khánh/).first().waitFor()
    // A one-off closure: without a reason the field is named, then added and removed again.
    const closure = page.locator('[data-test=closure-form]')
    await closure.getByLabel('Ngày').fill('15/03/2027')
    await closure.getByRole('button', { name: 'Thêm ngày nghỉ đột xuất' }).click()
    await closure.locator('.error-text').filter({ hasText: 'không được để trống' }).waitFor()
    expect(await closure.getByLabel('Lý do').getAttribute('aria-invalid') === 'true', 'the reason field is not marked')
    await closure.getByLabel('Lý do').fill('Mất điện toàn khu vực trụ sở')
    await closure.getByRole('button', { name: 'Thêm ngày nghỉ đột xuất' }).click()
    await page.locator('[data-test=closures]').getByText('15/03/2027 · Cả ngày · Mất điện toàn khu vực trụ sở').waitFor()
    await shot(page, 'admin-calendars')
    await page.getByRole('button', { name: 'Xóa 15/03/2027' }).click()
    await page.getByText('Không có ngày nghỉ đột xuất.').waitFor()
    // Saturday mornings: a session typed without its leading zero is named beside the day.
    await page.locator('[data-test^=cal-edit-]').first().click()
    const weekly = page.locator('[data-test=weekly-form]')
    await weekly.getByLabel('Thứ Bảy').fill('7:30-11:30')
    await weekly.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await weekly.locator('.error-text').filter({ hasText: 'phải có dạng "giờ:phút-giờ:phút"' }).waitFor()
    expect(await weekly.getByLabel('Thứ Bảy').getAttribute('aria-invalid') === 'true', 'Saturday is not marked')
    await weekly.getByLabel('Thứ Bảy').fill('07:30-11:30')
    await weekly.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await page.getByText('Thứ Bảy: 07:30-11:30').waitFor()
    // The year's holidays entered whole: without a source and with an impossible date, each is
    // named (the date by its line); then saved with the source, and removed again.
    await page.locator('[data-test=year-edit]').click()
    const yearForm = page.locator('[data-test=year-form]')
    const holidayLines = yearForm.getByLabel('Ngày nghỉ lễ, Tết (mỗi dòng một ngày)')
    const typed = await holidayLines.inputValue()
    const n = typed.split('\n').length
    await holidayLines.fill(`${typed}\n32/13/${year} Ngày không có thật`)
    await yearForm.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await yearForm.locator('.error-text').filter({ hasText: `Dòng ${n + 1}: phải là một ngày hợp lệ` }).waitFor()
    await yearForm.locator('.error-text').filter({ hasText: 'không được để trống' }).waitFor()
    await shot(page, 'admin-calendar-year')
    await holidayLines.fill(typed)
    await yearForm.getByLabel('Căn cứ').fill('Công văn 8726/VPCP-KGVX (thử nghiệm)')
    await yearForm.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await page.getByText(`Đã lưu lịch nghỉ năm ${year}`).waitFor()
    await page.getByText('Căn cứ: Công văn 8726/VPCP-KGVX (thử nghiệm) (đã nhập)').waitFor()
    await page.getByRole('button', { name: `Bỏ lịch đã nhập của năm ${year}` }).click()
    await page.getByText(`Đã bỏ lịch đã nhập của năm ${year}`).waitFor()
    // A calendar of the ward's own: a code with capitals and spaces, and no name, each named.
    await page.getByRole('button', { name: 'Thêm lịch làm việc' }).click()
    const calendarForm = page.locator('[data-test=calendar-form]')
    await calendarForm.getByLabel('Mã lịch').fill('Phuong Hoa Binh')
    await calendarForm.getByRole('button', { name: 'Thêm lịch làm việc' }).click()
    await calendarForm.locator('.error-text').filter({ hasText: 'phải gồm 1–64 chữ thường không dấu' }).waitFor()
    await calendarForm.locator('.error-text').filter({ hasText: 'không được để trống' }).waitFor()
    await calendarForm.getByLabel('Mã lịch').fill('h99-10')
    await calendarForm.getByLabel('Tên').fill('Lịch làm việc UBND phường Hòa Bình')
    await calendarForm.getByRole('button', { name: 'Thêm lịch làm việc' }).click()
    await page.getByRole('heading', { name: /^Lịch làm việc UBND phường Hòa Bình/ }).waitFor()
    await page.close()
  })

  await step('the audit log lists its records and verifies its chain', async () => {
    const page = await newPage(server)
    await login(page, 'thanhtra', pw.thanhtra)
    await page.goto('/quan-tri/nhat-ky')
    await page.locator('[data-test=audit]').getByText('user.create').first().waitFor()
    await page.locator('[data-test=audit-verify]').click()
    const verdict = (await page.locator('[data-test=audit-verdict]').textContent()).trim()
    expect(/^Chuỗi nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi\.$/.test(verdict), `verdict: ${verdict}`)
    await shot(page, 'audit')
    await page.close()
  })
} catch {
  // Reported by step(); the rest of the journey depends on it.
} finally {
  await finish(server)
}
