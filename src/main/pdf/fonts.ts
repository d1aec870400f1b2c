/**
 * Fonts and text measurement. DejaVu TTFs (Latin with accents, Greek, Cyrillic)
 * are parsed once per process and shared by every export: parsing a 750 KB TTF
 * and re-measuring the same words were the two costs that repeated per document.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import { shape, type Shaped } from './glyphs'
import type { Style } from '@main/memo/model'

export type FontKey = Style

const FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
}

/** The subset of fontkit's Font this module uses (pdfkit bundles fontkit; we reach it through pdfkit). */
export interface FontkitFont {
  unitsPerEm: number
  ascent: number
  descent: number
  hasGlyphForCodePoint(cp: number): boolean
  layout(text: string): { advanceWidth: number }
}

/**
 * Where the TTFs are: CASEFILE_FONTS_DIR; `fonts/` in the packaged app's
 * resources (Electron sets process.resourcesPath; packaging copies the DejaVu
 * TTFs there as extra resources); resources/fonts of a checkout; or the
 * dejavu-fonts-ttf package (development, CLI, tests).
 */
export function fontsDir(): string {
  const candidates: string[] = []
  if (process.env.CASEFILE_FONTS_DIR) candidates.push(process.env.CASEFILE_FONTS_DIR)
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'))
  candidates.push(join(process.cwd(), 'resources', 'fonts'))
  try {
    const req = createRequire(import.meta.url)
    candidates.push(join(dirname(req.resolve('dejavu-fonts-ttf/package.json')), 'ttf'))
  } catch {
    // Not installed (packaged app): the resources folder must hold the fonts.
  }
  const found = candidates.find((d) => existsSync(join(d, FILES.regular)))
  if (!found) throw new Error(`DejaVu fonts not found (looked in ${candidates.join(', ')})`)
  return found
}

export interface LoadedFont {
  key: FontKey
  font: FontkitFont
  /** Ascender as a fraction of the font size (pdfkit places text by its top). */
  ascent: number
  /** Words shaped so far (glyphs, kerning, width), shared by every export of the process. */
  shaped: Map<string, Shaped>
  covered: Map<number, boolean>
}

let cache: Record<FontKey, LoadedFont> | null = null

/** Parses the fonts through pdfkit's own fontkit, so the font objects are exactly what pdfkit embeds. */
export function loadFonts(): Record<FontKey, LoadedFont> {
  if (cache) return cache
  const dir = fontsDir()
  const probe = new PDFDocument({ autoFirstPage: false })
  const out = {} as Record<FontKey, LoadedFont>
  for (const key of Object.keys(FILES) as FontKey[]) {
    probe.font(readFileSync(join(dir, FILES[key])))
    const font = (probe as unknown as { _font: { font: FontkitFont } })._font.font
    out[key] = { key, font, ascent: font.ascent / font.unitsPerEm, shaped: new Map(), covered: new Map() }
  }
  cache = out
  return out
}

/** Width of `text` at `size` pt; cached per font and string (words repeat a lot in a memo). */
export function measure(f: LoadedFont, text: string, size: number): number {
  return shape(f, text).width * size
}

export function hasGlyph(f: LoadedFont, cp: number): boolean {
  let ok = f.covered.get(cp)
  if (ok === undefined) {
    ok = f.font.hasGlyphForCodePoint(cp)
    f.covered.set(cp, ok)
  }
  return ok
}
