/**
 * A briefing body nested 2,000 levels deep (quotes in list items in quotes...)
 * saves and exports: the model is built without recursion past a fixed nesting,
 * deeper content continuing as paragraphs, so no word or citation is lost and no
 * "Maximum call stack size exceeded" stops the memo.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '@main/services/index'
import { buildBlocks, MAX_NESTING, type Block } from '@main/memo/model'
import { richTextToPlain } from '@shared/domain/richText'
import { DEMO_CASE, demoWorkspace, pdfPages, tempDir } from './helpers'

const text = (t: string) => ({ type: 'text', text: t })
const para = (t: string) => ({ type: 'paragraph', content: [text(t)] })

/** depth levels of alternating blockquote / bulletList > listItem, with a paragraph at each level. */
function nested(depth: number) {
  let node: Record<string, unknown> = para(`Level ${depth} deepest words`)
  for (let i = depth - 1; i >= 0; i--) {
    node =
      i % 2
        ? { type: 'blockquote', content: [para(`Level ${i}`), node] }
        : { type: 'bulletList', content: [{ type: 'listItem', content: [para(`Level ${i}`), node] }] }
  }
  return { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [text('Deep')] }, node] }
}

function depthOf(blocks: Block[]): number {
  let max = 0
  const stack: [Block, number][] = blocks.map((b) => [b, 1])
  while (stack.length) {
    const [b, d] = stack.pop()!
    max = Math.max(max, d)
    if (b.kind === 'quote') for (const c of b.blocks) stack.push([c, d + 1])
    if (b.kind === 'list') for (const item of b.items) for (const c of item) stack.push([c, d + 1])
  }
  return max
}

describe('a briefing nested 2,000 levels deep', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let s: Services

  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir())
    ;({ s } = await demoWorkspace(dir))
  })
  afterAll(async () => {
    await s?.close()
    await cleanup?.()
  })

  it('builds a model of bounded depth that keeps every word, even 100,000 levels deep', () => {
    const blocks = buildBlocks(nested(100_000) as never)
    expect(depthOf(blocks)).toBeLessThanOrEqual(MAX_NESTING + 1)
    const words = JSON.stringify(blocks)
    expect(words).toContain('Level 99999')
    expect(words).toContain('Level 100000 deepest words')
    expect(richTextToPlain(nested(100_000))).toContain('Level 100000 deepest words')
  })

  it('saves and exports as a PDF with the deepest words in it', async () => {
    const b = await s.briefings.create(DEMO_CASE, {
      title: 'Deep',
      template: 'blank',
      header: { subject: 'Nested' },
      body: nested(2_000) as never,
    })
    const out = join(dir, 'deep.pdf')
    const result = await s.exports.toFile({ caseId: DEMO_CASE, briefingId: b.id, outPath: out, deterministic: true })
    expect(result.pages).toBeGreaterThan(1)
    const all = pdfPages(out).join('\n')
    expect(all).toContain('Level 2000 deepest words')
    expect(all).toContain('Level 1999')
  }, 120_000)
})
