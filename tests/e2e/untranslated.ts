/**
 * Finds words on screen that did not come from the catalogue. The window is
 * shown in the pseudo-language (every catalogue message wrapped in ⟦ ⟧); any
 * visible text, or accessible name, title or placeholder, that still holds a
 * letter once the ⟦…⟧ parts and the workspace's own data (case titles, names,
 * tags…) are taken out is a string that bypassed the catalogue.
 *
 *   import { expectAllTranslated, usePseudoLanguage } from './untranslated'
 *
 *   test('the timeline is translated', async ({ app }) => {
 *     await usePseudoLanguage(app.page)            // before app.open()
 *     await app.open('#/case/case_ecu_mpls_2026/timeline')
 *     await expect(app.page.locator('.event').first()).toBeVisible()
 *     await expectAllTranslated(app)              // or { within: '.case-body', allow: [/Sample/] }
 *   })
 *
 * What counts as data: the workspace's folder and every string stored in its
 * JSON files (workspace.json, case files, annotations, briefings, the statute
 * library, the trash, the audit log), except enum-like fields (status, kind, precision…),
 * removed as whole words, case-sensitively. Besides data, dates and times
 * (the formatter's English month and day names in the pseudo-language), IANA
 * zone names, "UTC" and byte units are allowed. Content marked translate="no"
 * (the HTML attribute for "not to be translated": zone lists, codes) is skipped.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, type CasefileApp } from './fixtures'

/** Switches the page to the pseudo-language; call before app.open(). */
export async function usePseudoLanguage(page: Page): Promise<void> {
  await page.addInitScript(() => window.localStorage.setItem('casefile.pseudoLanguage', '1'))
}

/** Keys whose values are codes the screen translates (an enum, an id), not words a person typed. */
const CODE_KEYS = new Set([
  'id',
  'type',
  'status',
  'kind',
  'precision',
  'verificationStatus',
  'action',
  'mediaType',
  'sha256',
  'hash',
  'prevHash',
  'target',
  'theme',
  'format',
  'sourceReliability',
  'informationCredibility',
  'memoLanguage',
  'schemaVersion',
  'at',
  'createdAt',
  'updatedAt',
])
const isCodeKey = (k: string) => CODE_KEYS.has(k) || /Ids?$/.test(k) || /At$/.test(k)

/** Folders of the workspace that hold no data a screen shows (derived, binary or set aside). */
const SKIP_DIRS = new Set(['blobs', 'cache', 'backups', 'quarantine', 'journal', 'incoming', 'tmp'])

function collect(value: unknown, out: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (!isCodeKey(key) && /\p{L}/u.test(value)) {
      out.add(value.trim())
      // Multi-line text (summaries, exact statute text) shows line by line in some places.
      for (const line of value.split(/\n+/)) if (/\p{L}/u.test(line)) out.add(line.trim())
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out, key)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, out, k)
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name)
    if (e.isDirectory() && !SKIP_DIRS.has(e.name)) out.push(...(await jsonFiles(p)))
    else if (e.isFile() && /\.jsonl?$/.test(e.name)) out.push(p)
  }
  return out
}

/** Every string a person put into the workspace at `root` (see the module comment). */
export async function workspaceData(root: string): Promise<string[]> {
  const found = new Set<string>()
  for (const file of await jsonFiles(root)) {
    const text = await readFile(file, 'utf8').catch(() => '')
    const docs = file.endsWith('.jsonl') ? text.split('\n').filter(Boolean) : [text]
    for (const d of docs) {
      try {
        collect(JSON.parse(d), found)
      } catch {
        // A damaged file holds nothing the screen shows.
      }
    }
  }
  return [...found].filter(Boolean)
}

const MONTHS_DAYS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g
const ZONES =
  /\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?/g
/** What a screen may show besides catalogue messages and data: dates, zones, offsets, byte units. */
export const DEFAULT_ALLOW: RegExp[] = [MONTHS_DAYS, ZONES, /\bUTC\b/g, /\b(?:KB|MB|GB|TB|B)\b/g]

export interface UntranslatedOptions {
  /** Strings to take out before looking for letters (usually workspaceData()). */
  data?: string[]
  /** More strings or patterns that may show untranslated (added to DEFAULT_ALLOW). */
  allow?: (string | RegExp)[]
  /** Only look inside this CSS selector (default: the whole body). */
  within?: string
}

export interface Untranslated {
  /** 'text', or the attribute it was found in. */
  where: string
  /** What is left after removing catalogue messages, data and allowed patterns. */
  left: string
  /** The whole text or attribute value. */
  text: string
  /** A short path to the element, to find it. */
  path: string
}

/** The texts on the page (or inside `within`) that hold letters outside ⟦ ⟧, data and allowed patterns. */
export async function findUntranslated(page: Page, options: UntranslatedOptions = {}): Promise<Untranslated[]> {
  const allow = [...DEFAULT_ALLOW, ...(options.allow ?? [])].map((a) =>
    typeof a === 'string' ? { source: escapeRe(a), flags: 'gu' } : { source: a.source, flags: a.flags },
  )
  // Longest first, so a title is removed before a word inside it.
  const data = [...new Set(options.data ?? [])].sort((a, b) => b.length - a.length)
  return page.evaluate(
    ({ data, allow, within }) => {
      const ATTRS = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-description']
      const patterns = allow.map((a) => new RegExp(a.source, a.flags.includes('g') ? a.flags : a.flags + 'g'))
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      // Whole words only: "Open" in a sentence is not the data "Open Society".
      const dataRes = data.map((d) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(d)}(?![\\p{L}\\p{N}])`, 'gu'))
      const strip = (text: string): string => {
        // A message may hold others (a duration inside a sentence): take out the innermost first, then what held them.
        let s = text
        for (let before = ''; before !== s;) {
          before = s
          s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ')
        }
        for (const re of dataRes) s = s.replace(re, ' ')
        for (const re of patterns) s = s.replace(re, ' ')
        return s.replace(/\s+/g, ' ').trim()
      }
      const hasLetters = (s: string) => /\p{L}/u.test(s)
      const pathOf = (el: Element): string => {
        const parts: string[] = []
        for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
          const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/)[0] : ''
          parts.unshift(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : cls}`)
        }
        return parts.join(' > ')
      }
      const skipped = (el: Element) => !!el.closest('[translate="no"]')
      const shown = (el: Element) =>
        el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) ||
        // <option>s of a closed select are not rendered, yet a person sees them when it opens.
        !!el.closest('select')?.checkVisibility({ checkVisibilityCSS: true })
      const root = within ? document.querySelector(within) : document.body
      if (!root) return [{ where: 'root', left: within ?? '', text: '', path: 'missing' }]
      const out: { where: string; left: string; text: string; path: string }[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        const text = n.textContent ?? ''
        if (!el || !hasLetters(text) || skipped(el) || !shown(el)) continue
        if (el.closest('script, style, textarea, [contenteditable="true"]')) continue
        const left = strip(text)
        if (hasLetters(left)) out.push({ where: 'text', left, text: text.trim(), path: pathOf(el) })
      }
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (skipped(el) || !shown(el)) continue
        for (const a of ATTRS) {
          const v = el.getAttribute(a)
          if (!v || !hasLetters(v)) continue
          const left = strip(v)
          if (hasLetters(left)) out.push({ where: a, left, text: v, path: pathOf(el) })
        }
        if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit') && hasLetters(el.value)) {
          const left = strip(el.value)
          if (hasLetters(left)) out.push({ where: 'value', left, text: el.value, path: pathOf(el) })
        }
      }
      return out
    },
    { data, allow, within: options.within },
  )
}

/**
 * Fails with the list of untranslated texts on the page (in the pseudo-language),
 * taking the open workspace's data out first.
 */
export async function expectAllTranslated(
  app: CasefileApp,
  options: Omit<UntranslatedOptions, 'data'> & { data?: string[] } = {},
): Promise<void> {
  // The workspace's folder is data too (the top bar names it in a tooltip).
  // The encryption status names it also while the workspace is locked (no services then).
  const root = (await app.session.encryptionStatus()).root
  const data = [...(await workspaceData(root)), root, ...(options.data ?? [])]
  // A page not in the pseudo-language would pass for the wrong reason.
  await expect(app.page.locator(options.within ?? 'body')).toContainText('⟦')
  const found = await findUntranslated(app.page, { ...options, data })
  const report = found.map((f) => `  ${f.path} [${f.where}]: "${f.left}"  (in "${f.text.slice(0, 120)}")`).join('\n')
  expect(found, `untranslated text on ${app.page.url()}:\n${report}`).toEqual([])
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
