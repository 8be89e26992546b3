// The applicant's data store at the reception counter: a first dossier received with its form
// digitized at the counter; then, for the same personal identification number, the counter shows
// the held document beside the component of the same name, "Dùng lại" takes it from the data
// store without a new upload, and the received dossier shows the component as taken from there.
//
//   node web/tests/datastore.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
import fs from 'node:fs'
import { apiSession, expect, finish, log, login, newPage, shot, startServer, step, tinyPdf } from './harness.mjs'

const server = await startServer()
log(`motcua serve at ${server.url}`)
const pw = server.passwords
const idNumber = '001190067890'
let first = null // the first dossier, received through the API
let componentName = ''
let sha256 = ''

try {
  await step('a first dossier is received at the counter with its form digitized there', async () => {
    const api = await apiSession(server.url, 'tiepnhan', pw.tiepnhan)
    const found = await api('GET', `/api/v1/procedures?q=${encodeURIComponent('ket hon')}`)
    const summary = found.items.find((p) => p.name === 'Đăng ký kết hôn')
    expect(summary, 'no procedure "Đăng ký kết hôn"')
    const procedure = await api('GET', `/api/v1/procedures/${summary.code}`)
    componentName = procedure.cases[0].components[0].name
    const scan = await api('POST', '/api/v1/attachments', fs.readFileSync(tinyPdf('to-khai-ban-quet')), 'application/pdf')
    sha256 = scan.sha256
    first = await api('POST', '/api/v1/dossiers', {
      procedure_code: summary.code,
      channel: 'in-person',
      decision: 'receive',
      applicant: { name: 'Nguyễn Thị Hương', id_number: idNumber, commune_code: 'H99.11' },
      components: [{ name: componentName, provision: 'paper-original', file_sha256: sha256 }],
    })
    expect(first.state.code === 2, `first dossier state ${first.state.code}`)
  })

  let page
  let second = ''
  await step('at the counter, the same number shows the held document and "Dùng lại" takes it', async () => {
    page = await newPage(server)
    await login(page, 'tiepnhan', pw.tiepnhan)
    await page.goto('/tiep-nhan')
    await page.getByLabel('Tìm thủ tục').fill('ket hon')
    await page.getByRole('button', { name: 'Tìm kiếm' }).click()
    await page.getByRole('button', { name: 'Chọn: Đăng ký kết hôn' }).click()
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hương')
    await page.getByLabel(/Số định danh cá nhân/).fill(idNumber)
    await page.getByLabel('Cơ quan giải quyết').selectOption('H99.11')
    const held = page.locator('[data-test=held]')
    await held.getByText(`hồ sơ ${first.code}`).waitFor()
    expect((await held.count()) === 1, `held documents shown beside ${await held.count()} components`)
    await page.getByText('Kho dữ liệu của công dân: 1 giấy tờ đã số hóa').waitFor()
    await shot(page, 'reception-datastore')
    // Keyboard: the reuse button is reached and pressed like any button.
    const reuse = page.getByRole('button', { name: `Dùng lại: ${componentName} (${first.code})` })
    await reuse.focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-test=reused]').waitFor()
    const provision = await page.getByLabel(componentName, { exact: true }).inputValue()
    expect(provision === 'data-store', `provision ${provision}`)
    await shot(page, 'reception-reused')
    // The provision's choice shows its whole label, on a desktop and on a phone.
    const select = page.getByLabel(componentName, { exact: true })
    const room = () => select.evaluate((el) => {
      const cs = getComputedStyle(el)
      const ctx = document.createElement('canvas').getContext('2d')
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
      const text = ctx.measureText(el.selectedOptions[0].text).width
      // The room inside the box, less the drop-down arrow (about 20 px in Chromium).
      return { text, room: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20 }
    })
    const desktop = await room()
    expect(desktop.text <= desktop.room, `the data store's choice is clipped: ${JSON.stringify(desktop)}`)
    await page.setViewportSize({ width: 375, height: 812 })
    const phone = await room()
    expect(phone.text <= phone.room, `the data store's choice is clipped on a phone: ${JSON.stringify(phone)}`)
    await shot(page, 'reception-reused-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()
    await page.getByRole('heading', { name: /Đã tiếp nhận hồ sơ/ }).waitFor()
    second = (await page.locator('[data-test=dossier-code]').textContent()).trim()
    expect(second !== first.code, `the second dossier has the first one's code ${second}`)
  })

  await step("the received dossier's page shows the component as taken from the data store", async () => {
    await page.getByRole('link', { name: 'Mở hồ sơ' }).click()
    await page.locator('[data-test=dossier-code]').waitFor()
    const item = page.locator('li', { hasText: componentName }).first()
    await item.getByText('Từ kho dữ liệu của công dân').waitFor()
    const id = new URL(page.url()).pathname.split('/').pop()
    const api = await apiSession(server.url, 'tiepnhan', pw.tiepnhan)
    const d = await api('GET', `/api/v1/dossiers/${id}`)
    const c = d.components.find((x) => x.name === componentName)
    expect(c && c.provision === 'data-store' && c.file_sha256 === sha256, `component ${JSON.stringify(c)}`)
    // The file is the same one, served within the new dossier: nothing was uploaded again.
    const file = await page.context().request.get(`/api/v1/dossiers/${id}/attachments/${sha256}`)
    expect(file.status() === 200, `the reused file within the new dossier: ${file.status()}`)
    await shot(page, 'dossier-datastore')
    await page.close()
  })
} catch {
  // Reported by step(); each step depends on the one before.
} finally {
  await finish(server)
}
