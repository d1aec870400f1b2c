#!/usr/bin/env node
/**
 * Fails when a tracked text file still holds a merge's conflict markers. Neither
 * eslint nor prettier reads every kind of file (prettier's CSS parser let one
 * through, and only the renderer's minifier choked on it later).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)
const MARKER = /^(<{7} |>{7} |={7}$)/m
const TEXT = /\.(ts|tsx|mts|mjs|cjs|js|json|css|html|md|yml|yaml|txt|sh)$|(^|\/)\.ci\/run$/
const found = []
for (const f of files) {
  if (!TEXT.test(f)) continue
  let text
  try {
    text = readFileSync(f, 'utf8')
  } catch {
    continue
  }
  const m = MARKER.exec(text)
  if (m) found.push(`${f}:${text.slice(0, m.index).split('\n').length}: ${m[0].trim()}`)
}
if (found.length) {
  console.error(`Merge conflict markers left in:\n  ${found.join('\n  ')}`)
  process.exit(1)
}
