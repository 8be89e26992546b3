// Every message the server can show a user has Vietnamese: the C++ sources are scanned for the
// texts they put in problem+json `detail` and `errors[].message`, and each must match a pattern of
// web/src/server-messages.ts (or of the catalog screens' own table in web/src/admin/catalog.ts).
// Fails listing each message no pattern matches. A plain node script, no server, no browser:
//
//   node web/tests/server-messages.mjs [--list]      (--list prints every message found)
//
// The extraction rules (src/common/error.h says how a message travels):
//  1. Files: *.cc and *.h under the directories of `kDirs`, without tests (*_test.cc, *_pgtest.cc,
//     testing/), comments removed.
//  2. A message is the argument of a call that carries one (`kCarriers`): Error::<Code>(message)
//     for every code but Internal (a bug, never a user's doing), Error::InvalidField(field,
//     message), .WithField(field, message), JsonInput::Violation(field, message), the dossier
//     rules' Situation(reason, message), NotPerformer(message) and RequireReason(cmd, what) (which
//     says "<what> is required"), the forms' NotAvailable(form, why) ("form <form> is not
//     available: <why>"), and a brace pair pushed on a list of field violations
//     (`fields`, `problems`, `conflicts`, `errors`, `errors_`, `out`: `.push_back({field,
//     message})`).
//  3. The argument is read as a sum (`+`) of parts: a string literal (adjacent literals joined,
//     std::string("...") too) is text, std::to_string(...) a number (7), a constant kName of the
//     same file its literal, anything else a variable part ("abc"); `c ? a : b` gives both texts.
//     An argument without any literal (a message passed on, `std::move(message)`) is counted as
//     passed on: its texts are found where they are written.
//  4. A message of `kNotForUsers` (operators', command-line or internal texts) is left out, with
//     the reason beside it.
// Then the translations themselves: the dictionary keys they name exist in i18n.ts, none leaves a
// group or key unreplaced, and a few real messages (`kSaid`) are said as expected.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const here = path.dirname(new URL(import.meta.url).pathname)
const root = path.resolve(here, '../..')
const kDirs = ['src/dossier', 'src/app', 'src/http', 'src/catalog_io', 'src/calendar', 'src/identity', 'src/reports']

// name (as a regex before the opening parenthesis), index of the message argument, and how the
// argument becomes the message.
const kCarriers = [
  { re: /\bError::InvalidField\s*\(/g, arg: 1 },
  { re: /\bError::(?!Internal\b|InvalidField\b)[A-Z]\w*\s*\(/g, arg: 0 },
  { re: /\.WithField\s*\(/g, arg: 1 },
  { re: /\bViolation\s*\(/g, arg: 1 },
  { re: /\bSituation\s*\(/g, arg: 1 },
  { re: /\bNotPerformer\s*\(/g, arg: 0 },
  { re: /\bRequireReason\s*\(/g, arg: 1, wrap: (m) => `${m} is required` },
  { re: /\bNotAvailable\s*\(/g, arg: 1, wrap: (m) => `form 01 is not available: ${m}` },
  { re: /\b(?:fields|problems|conflicts|errors_?|out)\.push_back\s*\(\s*\{/g, arg: 1, brace: true },
]

// Texts a user of the web UI does not meet, with why.
const kNotForUsers = [
  [/^storage unreachable: /, 'readiness probe for operators (/readyz)'],
  [/^cannot listen on /, 'server start-up'],
  [/^cannot read abc$/, 'a file of the web root the server cannot read: an operator problem'],
  [/^must (be at least 1|be 1 to 10|be 1 to 3650)$/, 'flags of the demo generator (command line)'],
  [/^no units or no published procedure with a workflow: run `motcua serve --demo`/, 'demo generator (command line)'],
  [/^rebuilding facts is a server command$/, 'command line only'],
  [/^out of memory/, 'resource failure of the server, shown by the 5xx title'],
  [/^cannot read the archive from memory$/, 'resource failure of the server'],
  [/^no holiday generator for year /, 'the built-in schedule, not an input'],
  [/^lunar (year|month) |^no such lunar date/, 'the lunar calendar arithmetic behind the holidays, not an input'],
  [/^an empty unit chain has no calendar$|appears twice in its ancestry$/, 'broken unit tree: an invariant'],
  [/^no calendar for unit /, 'the national default calendar always exists: an invariant'],
  [/^group \d+\b|^indicator /, "the Decision 766 indicators' configuration, built in"],
  [/^the catalog cannot be written as a workbook$/, 'export of the catalog on the command line'],
  [/^a text longer than a cell holds/, 'export to XLSX of stored texts, bounded on input'],
  [/^missing$|^type$/, 'placeholder errors replaced by a field message before they leave'],
  [/^calendar index is inconsistent$/, 'an invariant'],
  [/^abc is required$|^form abc is not available: abc$/, "the helpers' own definitions: their callers' texts are checked"],
  [/^\[abc\] abc$/, 'a workbook column header before a message checked where it is written'],
]

function walk(dir) {
  const out = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'testing') out.push(...walk(p))
    } else if (/\.(cc|h)$/.test(e.name) && !/_(test|pgtest)\.cc$/.test(e.name)) {
      out.push(p)
    }
  }
  return out
}

// The source without comments; string and character literals kept whole.
function stripComments(src) {
  let out = ''
  for (let i = 0; i < src.length; ) {
    const c = src[i]
    if (c === '"' || c === "'") {
      let j = i + 1
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1
      out += src.slice(i, j + 1)
      i = j + 1
    } else if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2)
      i = end < 0 ? src.length : end + 2
    } else {
      out += c
      i++
    }
  }
  return out
}

// The arguments of a call whose opening bracket is at src[open], split at top-level commas.
function callArgs(src, open) {
  const close = { '(': ')', '{': '}', '[': ']' }
  const stack = [close[src[open]]]
  const args = []
  let start = open + 1
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]
    if (c === '"' || c === "'") {
      i++
      while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1
    } else if (c in close) {
      stack.push(close[c])
    } else if (c === ')' || c === '}' || c === ']') {
      stack.pop()
      if (stack.length === 0) {
        args.push(src.slice(start, i).trim())
        return args
      }
    } else if (c === ',' && stack.length === 1) {
      args.push(src.slice(start, i).trim())
      start = i + 1
    }
  }
  return args
}

// Splits at a top-level separator (`+`, or the `?`/`:` of a conditional).
function splitTop(expr, sep) {
  const parts = []
  let depth = 0
  let start = 0
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]
    if (c === '"' || c === "'") {
      i++
      while (i < expr.length && expr[i] !== c) i += expr[i] === '\\' ? 2 : 1
    } else if ('({['.includes(c)) depth++
    else if (')}]'.includes(c)) depth--
    else if (depth === 0 && c === sep && !(sep === ':' && expr[i + 1] === ':') && !(sep === ':' && expr[i - 1] === ':')) {
      parts.push(expr.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(expr.slice(start).trim())
  return parts
}

function unescape(body) {
  return body.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\', "'": "'" })[c] ?? c)
}

const kLiteral = /^(?:"(?:[^"\\]|\\.)*"\s*)+$/

// The texts an argument can be, or [] when it holds no literal (passed on).
function texts(expr, constants) {
  expr = expr.trim()
  const cond = splitTop(expr, '?')
  if (cond.length === 2) {
    const branches = splitTop(cond[1], ':')
    if (branches.length === 2) return [...texts(branches[0], constants), ...texts(branches[1], constants)]
  }
  let out = ['']
  let literal = false
  for (let part of splitTop(expr, '+')) {
    const wrapped = /^std::string(?:_view)?\s*\((.*)\)$/s.exec(part)
    if (wrapped && kLiteral.test(wrapped[1].trim())) part = wrapped[1].trim()
    let options
    if (kLiteral.test(part)) {
      literal = true
      options = [[...part.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => unescape(m[1])).join('')]
    } else if (/^\(.*\)$/s.test(part) && splitTop(part.slice(1, -1), '?').length === 2) {
      options = texts(part.slice(1, -1), constants)
      if (options.length) literal = true
      else options = ['abc']
    } else if (/^std::to_string\s*\(/.test(part)) {
      options = ['7']
    } else if (constants.has(part)) {
      literal = true
      options = [constants.get(part)]
    } else {
      options = ['abc']
    }
    out = out.flatMap((prefix) => options.map((o) => prefix + o))
  }
  return literal ? out : []
}

export function extract() {
  const found = [] // { message, where }
  let passedOn = 0
  for (const dir of kDirs) {
    for (const file of walk(path.join(root, dir))) {
      const src = stripComments(fs.readFileSync(file, 'utf8'))
      const constants = new Map()
      for (const m of src.matchAll(/\b(k[A-Z]\w*)(?:\[\])?\s*=\s*((?:"(?:[^"\\]|\\.)*"\s*)+);/g)) {
        constants.set(m[1], [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => unescape(x[1])).join(''))
      }
      for (const carrier of kCarriers) {
        for (const m of src.matchAll(carrier.re)) {
          const open = m.index + m[0].length - 1
          // Declarations and definitions of the helpers name their parameters, not messages.
          const before = src.slice(Math.max(0, m.index - 30), m.index)
          if (/\b(Error|Status|void)\s+(JsonInput::)?$/.test(before)) continue
          const args = callArgs(src, open)
          if (args.length <= carrier.arg) continue
          const arg = args[carrier.arg]
          if (carrier.brace && args.length !== 2) continue
          if (carrier.brace && arg.startsWith('{')) continue
          const line = src.slice(0, m.index).split('\n').length
          const where = `${path.relative(root, file)}:${line}`
          const list = texts(arg, constants)
          if (list.length === 0) passedOn++
          for (const t of list) found.push({ message: carrier.wrap ? carrier.wrap(t) : t, where })
        }
      }
    }
  }
  return { found, passedOn }
}

// The patterns: server-messages.ts compiled by the TypeScript of web/node_modules, and the
// catalog screens' table (the array literal given to addServerMessages in admin/catalog.ts).
async function patterns() {
  const require = createRequire(path.join(root, 'web/package.json'))
  const ts = require('typescript')
  const source = fs.readFileSync(path.join(root, 'web/src/server-messages.ts'), 'utf8')
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
  const mod = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)
  const catalog = fs.readFileSync(path.join(root, 'web/src/admin/catalog.ts'), 'utf8')
  const block = /addServerMessages\(\[([\s\S]*?)\n\]\)/.exec(catalog)
  if (!block) throw new Error('web/src/admin/catalog.ts: no addServerMessages([...]) table')
  const catalogTable = new Function(`return [${block[1]}]`)()
  return { own: mod.kServerMessages, all: [...mod.kServerMessages, ...catalogTable], keysOf: mod.keysOf, translate: mod.translate }
}

// The Vietnamese dictionary of i18n.ts ('key': 'text' pairs of `const vi = {...}`).
function vietnamese() {
  const src = fs.readFileSync(path.join(root, 'web/src/i18n.ts'), 'utf8')
  const start = src.indexOf('const vi = {')
  const body = src.slice(start, src.indexOf('\n}\n', start))
  const out = new Map()
  for (const m of body.matchAll(/^\s*'([\w.-]+)':\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"),?$/gm)) {
    out.set(m[1], unescape(m[2] ?? m[3]))
  }
  return out
}

const { found, passedOn } = extract()
const { own, all, keysOf, translate } = await patterns()
const dictionary = vietnamese()
const unique = new Map()
for (const f of found) if (!unique.has(f.message)) unique.set(f.message, f.where)

const excluded = []
const missing = []
for (const [message, where] of unique) {
  if (kNotForUsers.some(([re]) => re.test(message))) {
    excluded.push(message)
    continue
  }
  if (!all.some(([re]) => re.test(message))) missing.push(`  ${where}: ${JSON.stringify(message)}`)
}
if (process.argv.includes('--list')) for (const [m, w] of unique) console.log(`${w}\t${m}`)

// A translation names dictionary keys ({cmd.$1}, {state.$2}): the prefix of each must exist.
const badKeys = []
for (const [re, vi] of own) {
  for (const key of keysOf(vi)) {
    const prefix = key.replace(/\$\d.*$/, '')
    if (![...dictionary.keys()].some((k) => (key === prefix ? k === key : k.startsWith(prefix)))) badKeys.push(`  ${re}: {${key}}`)
  }
}

// Messages as the server writes them, and what the UI says (the variable parts kept, commands,
// states and channels named by the dictionary, a message inside a message translated too).
const word = (key) => dictionary.get(key) ?? key
const kSaid = [
  ['cannot issue a dossier in state 10 (result returned)', 'Không thể thực hiện "Phê duyệt, ban hành kết quả" với hồ sơ đang ở trạng thái "Đã trả kết quả".'],
  ['an opinion is required', 'cần nhập ý kiến xử lý'],
  ['step tham-dinh is performed by unit H99.10.01', 'Bước "tham-dinh" do đơn vị H99.10.01 thực hiện.'],
  ['step tham-dinh is performed by the role specialist', 'Bước "tham-dinh" do vai trò "Chuyên viên xử lý" thực hiện.'],
  ['form 02 is not available: no supplement was asked for', 'Chưa có mẫu 02: hồ sơ chưa được yêu cầu bổ sung'],
  ['the procedure does not accept the postal channel', 'thủ tục không tiếp nhận theo hình thức "Bưu chính công ích"'],
  ['too many failed logins; try again after 300 s', 'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau 300 giây.'],
  ['must have at most 2000 bytes', 'chỉ được tối đa 2000 byte'],
]
const wrong = []
for (const [message, expected] of kSaid) {
  const said = translate(message, all, word)
  if (said !== expected) wrong.push(`  ${JSON.stringify(message)}\n    said     ${JSON.stringify(said)}\n    expected ${JSON.stringify(expected)}`)
}
// No translation of a found text leaves a group or a key unreplaced.
for (const message of unique.keys()) {
  const said = translate(message, all, word)
  if (said !== message && /\$\d|[{}]/.test(said)) wrong.push(`  ${JSON.stringify(message)} said ${JSON.stringify(said)}`)
}

console.log(
  `server messages: ${found.length} call sites, ${unique.size} distinct texts ` +
    `(${excluded.length} not for users), ${passedOn} passed on; ${all.length} patterns (${own.length} in server-messages.ts)`,
)
if (unique.size < 200) {
  console.error(`the extraction found only ${unique.size} texts: the rules above no longer match the sources`)
  process.exit(1)
}
if (missing.length || badKeys.length || wrong.length) {
  if (missing.length) console.error(`no Vietnamese for ${missing.length} messages:\n${missing.join('\n')}`)
  if (badKeys.length) console.error(`translations naming keys that i18n.ts lacks:\n${badKeys.join('\n')}`)
  if (wrong.length) console.error(`translations said wrong:\n${wrong.join('\n')}`)
  process.exit(1)
}
console.log('every message has its Vietnamese')
