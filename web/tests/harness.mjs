// What the web tests share: a real `motcua serve --demo` on a free port with a temporary SQLite
// database, Debian's Chromium driven by playwright-core, and the steps' tally. A test script
// imports it, runs its steps and ends with finish(server).
//
//   node web/tests/<script>.mjs --motcua build/src/main/motcua [--web-root web/dist] [--shots DIR]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
)
export const here = path.dirname(new URL(import.meta.url).pathname)
const motcua = path.resolve(args.motcua ?? path.join(here, '../../build/src/main/motcua'))
const webRoot = path.resolve(args['web-root'] ?? path.join(here, '../dist'))
const shots = path.resolve(args.shots ?? path.join(os.tmpdir(), 'motcua-web-shots'))
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
fs.mkdirSync(shots, { recursive: true })

const started = Date.now()
const counts = { passed: 0, failed: 0 }
export const failures = []

export function log(msg) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`)
}

const openPages = new Set()

export async function step(name, fn) {
  try {
    await fn()
    counts.passed++
    log(`ok   ${name}`)
  } catch (e) {
    counts.failed++
    failures.push(name)
    log(`FAIL ${name}\n${e?.stack ?? e}`)
    // What each open page showed when it failed.
    let n = 0
    for (const page of openPages) {
      await page.screenshot({ path: path.join(shots, `failure-${++n}.png`), fullPage: true }).catch(() => {})
    }
    throw e
  }
}

export function expect(cond, message) {
  if (!cond) throw new Error(message)
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

// --- the server ------------------------------------------------------------------------------

let current = null

export async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    motcua,
    ['serve', '--demo', '--dsn', `sqlite:${dir}/web.db`, '--listen', `127.0.0.1:${port}`, '--public-url', url,
      '--web-root', webRoot, '--lookups-per-minute', '1000', '--threads', '32', '--idle-timeout', '5'],
    { cwd: path.join(here, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (b) => (out += b))
  child.stderr.on('data', (b) => (err += b))
  const passwords = {}
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`motcua serve exited ${child.exitCode}: ${err.slice(-2000)}`)
    // The table of seeded users ends with the "Log in:" hint.
    if (out.includes('Log in:') && err.includes('"listening"')) break
    await new Promise((r) => setTimeout(r, 100))
  }
  for (const line of out.split('\n')) {
    const m = /^\s{2}(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(line)
    if (m && m[1] !== 'username') passwords[m[1]] = m[4]
  }
  expect(passwords.admin && passwords.tiepnhan && passwords.congdan, `no passwords printed:\n${out}`)
  current = { url, child, dir, passwords, stderr: () => err }
  return current
}

// Calls the API as `username` (for what the UI does not cover yet: creating officers). A Buffer
// body is sent as it is, with its media type (an upload); anything else as JSON.
export async function apiSession(url, username, password) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  expect(res.status === 200, `API login ${username}: ${res.status}`)
  const cookie = res.headers.get('set-cookie').split(';')[0]
  const { csrf_token } = await res.json()
  return async (method, p, body, type = 'application/json') => {
    const raw = Buffer.isBuffer(body)
    const r = await fetch(`${url}${p}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf_token, 'Content-Type': raw ? type : 'application/json' },
      body: body === undefined || raw ? body : JSON.stringify(body),
    })
    const text = await r.text()
    expect(r.ok, `${method} ${p}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
}

// --- the browser -----------------------------------------------------------------------------

export const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

export async function newPage(server, { phone = false } = {}) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
  })
  const page = await context.newPage()
  // Generous: CI runs this beside other tests on two cores.
  page.setDefaultTimeout(20000)
  page.on('pageerror', (e) => log(`page error: ${e.message}`))
  openPages.add(page)
  // Closing a page closes its context: its keep-alive connections each hold a server thread.
  const close = page.close.bind(page)
  page.close = async () => {
    openPages.delete(page)
    await close()
    await context.close()
  }
  return page
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
  // Nothing may be wider than the viewport (no sideways scrolling on a phone).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow <= 0, `${name}: the page is ${overflow}px wider than the viewport`)
}

export async function login(page, username, password) {
  await page.goto('/dang-nhap')
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.locator('[data-test=user]').waitFor()
}

export async function command(page, name, fill = async () => {}) {
  await page.locator(`[data-test=cmd-${name}]`).click()
  await fill()
  await page.locator('[data-test=cmd-confirm]').click()
  await page.locator('[data-test=notice]').waitFor()
}

export async function state(page) {
  return (await page.locator('[data-test=dossier-state]').textContent()).trim()
}

// A one-page PDF named `name`: what a citizen scans and attaches. One file per document, each
// written once (a file rewritten while the browser still reads it would upload torn bytes).
export function tinyPdf(name) {
  const body =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${name}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
  const file = path.join(current.dir, `${name}.pdf`)
  fs.writeFileSync(file, body)
  return file
}

// Stops the browser and the server, prints the tally and exits (non-zero on any failure).
export async function finish(server) {
  await browser.close()
  server.child.kill('SIGTERM')
  await new Promise((r) => server.child.once('exit', r))
  if (counts.failed) {
    console.log(server.stderr().split('\n').filter((l) => /"status":[45]\d\d/.test(l)).slice(-20).join('\n'))
  }
  fs.rmSync(server.dir, { recursive: true, force: true })
  log(`screenshots in ${shots}`)
  console.log(`${counts.passed} passed, ${counts.failed} failed`)
  process.exit(counts.failed || counts.passed === 0 ? 1 : 0)
}
