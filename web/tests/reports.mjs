// The dashboard over a generated data set: `motcua demo generate` writes a few hundred dossiers
// of the past year through the state machine into the server's database; an officer of the
// province opens the dashboard for the year and sees the figures, the trend of the daily
// snapshots (with its table), the periodic report by field and the per-step table (by step,
// officer and unit); every download link answers 200 with its file's type, fetched from the page with its session;
// a report's workbook and the queue's are made as jobs, the pages left, and both downloaded from
// "Công việc của tôi".
//
//   node web/tests/reports.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, finish, log, login, newPage, shot, startServer, step } from './harness.mjs'

const motcua = path.resolve(process.argv[process.argv.indexOf('--motcua') + 1])
const server = await startServer()
const pw = server.passwords
const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10)
const year = today.slice(0, 4)

try {
  await step('a data set of 400 dossiers is generated into the server\'s database', async () => {
    const started = Date.now()
    const run = spawnSync(motcua, ['demo', 'generate', '--dossiers', '400', '--years', '1', '--seed', '7',
      '--dsn', `sqlite:${server.dir}/web.db`], { encoding: 'utf8', timeout: 60000 })
    expect(run.status === 0, `demo generate: ${run.status} ${run.stderr}`)
    log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${run.stdout.trim().split('\n').pop()}`)
  })

  await step('the dashboard of the year shows the trend, the steps and the periodic report', async () => {
    const page = await newPage(server)
    await login(page, 'admin', pw.admin)
    await page.goto(`/bao-cao?unit=H99&period=${year}`)
    await page.getByRole('heading', { name: 'Báo cáo, thống kê' }).waitFor()
    await page.locator('[data-test=chart-outcome] canvas').waitFor()
    // The trend: a chart of the daily snapshots and the same days as a table.
    await page.locator('[data-test=chart-trend] canvas').waitFor()
    const days = await page.locator('[data-test=trend-table] tbody tr').count()
    expect(days >= 1, `trend days: ${days}`)
    await page.locator('[data-test=trend] summary').click()
    await page.locator('[data-test=trend-table]').getByRole('columnheader', { name: 'Đang giải quyết quá hạn' }).waitFor()
    // The steps: reception first, each step's name from the workflow.
    const steps = page.locator('[data-test=step-table] tbody tr')
    await steps.first().waitFor()
    expect((await steps.count()) >= 3, `steps: ${await steps.count()}`)
    const first = await steps.first().locator('th').textContent()
    expect(first.includes('Tiếp nhận'), `first step: ${first}`)
    const passed = Number((await steps.first().locator('td').first().textContent()).replace(/\D/g, ''))
    expect(passed > 100, `passed reception: ${passed}`)
    // The same figures per officer who forwarded (named), then per unit holding the step.
    await page.getByLabel('Xem theo').selectOption('officer')
    await page.locator('[data-test=step-table]').getByRole('columnheader', { name: 'Cán bộ chuyển bước' }).waitFor()
    const officers = page.locator('[data-test=step-table] tbody tr')
    expect((await officers.count()) >= 3, `officers: ${await officers.count()}`)
    const names = await officers.locator('th').allTextContents()
    expect(names.some((n) => /[À-ỹ]/.test(n)), `officers' names: ${names.join(' | ')}`)
    let sum = 0
    for (const cell of await officers.locator('td:first-of-type').allTextContents()) sum += Number(cell.replace(/\D/g, ''))
    expect(sum > passed, `visits left by officers: ${sum}`)
    await shot(page, 'reports-steps-by-officer')
    await page.getByLabel('Xem theo').selectOption('unit')
    await page.locator('[data-test=step-table]').getByRole('columnheader', { name: 'Đơn vị thực hiện bước' }).waitFor()
    expect(page.url().includes('steps=unit'), `address: ${page.url()}`)
    await page.getByLabel('Xem theo').selectOption('step')
    await page.locator('[data-test=step-table]').getByRole('columnheader', { name: 'Bước xử lý' }).waitFor()
    // The periodic report by field, its total carrying the year's figures forward.
    const periodic = page.locator('[data-test=periodic-table]')
    await periodic.getByText('Tổng cộng').waitFor()
    await periodic.getByRole('columnheader', { name: 'Chuyển kỳ sau' }).waitFor()
    await shot(page, 'reports-dashboard')

    // Every download answers with its file, fetched with the page's session.
    const links = await page.locator('[data-test=downloads] a').evaluateAll((as) => as.map((a) => ({ test: a.dataset.test, href: a.getAttribute('href') })))
    expect(links.length === 8, `downloads: ${JSON.stringify(links)}`)
    const kTypes = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' }
    for (const { test, href } of links) {
      const got = await page.evaluate(async (url) => {
        const r = await fetch(url)
        const bytes = (await r.arrayBuffer()).byteLength
        return { status: r.status, type: r.headers.get('content-type'), bytes }
      }, href)
      const format = test.split('-').pop()
      expect(got.status === 200 && got.type === kTypes[format] && got.bytes > 1000, `${test} ${href}: ${JSON.stringify(got)}`)
    }
    log(`${links.length} downloads answered`)

    // A download as a job: started here, left, found again under "Công việc của tôi" and
    // downloaded there; the queue's workbook likewise from the desk, the desk left at once.
    const started = Date.now()
    await page.locator('[data-test=dl-statistics-xlsx]').click()
    await page.locator('[data-test=dl-statistics-xlsx-job]').waitFor()
    await page.goto('/ho-so?q=open')
    await page.locator('[data-test=queue-export]').click()
    await page.locator('[data-test=queue-export-job]').waitFor()
    await shot(page, 'reports-export-started')
    await page.getByRole('link', { name: 'Công việc của tôi' }).first().click()
    await page.getByRole('heading', { name: 'Công việc của tôi' }).waitFor()
    const jobs = page.locator('[data-test=export-job]')
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-test=export-job]')]
      return items.length === 2 && items.every((li) => li.dataset.state === 'succeeded')
    }, null, { timeout: 60000 })
    log(`two export jobs done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const files = await jobs.locator('[data-test=export-job-file]').allTextContents()
    expect(files.some((n) => n.includes('ho-so-open.xlsx')) && files.some((n) => n.includes(`thong-ke-H99-${year}`)), `files: ${files.join(' | ')}`)
    await shot(page, 'reports-jobs')
    for (let i = 0; i < 2; i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), jobs.nth(i).locator('[data-test=export-job-file]').click()])
      const file = await download.path()
      const bytes = fs.readFileSync(file)
      expect(bytes.length > 1000 && bytes.subarray(0, 2).toString() === 'PK', `${download.suggestedFilename()}: ${bytes.length} bytes`)
      log(`downloaded ${download.suggestedFilename()}: ${bytes.length} bytes`)
    }
    await page.goto(`/bao-cao?unit=H99&period=${year}`)
    await page.locator('[data-test=step-table]').waitFor()

    // In English, on a phone: the tables stack, nothing wider than the screen.
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click()
    await page.getByRole('heading', { name: 'By workflow step' }).waitFor()
    await page.close()
    const phone = await newPage(server, { phone: true })
    await login(phone, 'admin', pw.admin)
    await phone.goto(`/bao-cao?unit=H99&period=${year}`)
    await phone.locator('[data-test=step-table]').waitFor()
    await phone.locator('[data-test=chart-trend] canvas').waitFor()
    await shot(phone, 'reports-dashboard-phone')
    await phone.goto('/cong-viec')
    await phone.locator('[data-test=export-job]').first().waitFor()
    await shot(phone, 'reports-jobs-phone')
    await phone.close()
  })
} finally {
  await finish(server)
}
