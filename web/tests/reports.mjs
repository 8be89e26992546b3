// The dashboard over a generated data set: `motcua demo generate` writes a few hundred dossiers
// of the past year through the state machine into the server's database; an officer of the
// province opens the dashboard for the year and sees the figures, the trend of the daily
// snapshots (with its table), the periodic report by field and the per-step table (by step,
// officer and unit); every download link answers 200 with its file's type, fetched from the page with its session.
//
//   node web/tests/reports.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
import { spawnSync } from 'node:child_process'
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
    await phone.close()
  })
} finally {
  await finish(server)
}
