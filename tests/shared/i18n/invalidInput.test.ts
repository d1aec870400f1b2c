/**
 * A failed parse crosses IPC as data and is worded in each adapter's language:
 * the window in Spanish must not show zod's English.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from '@shared/ipc/contract'
import { localMessage } from '@shared/i18n/appError'
import { invalidInput, invalidInputText, wordIssues } from '@shared/i18n/invalidInput'
import { AppError } from '@shared/ipc/result'
import { CaseInput, RichTextInput, TimeRangeTarget, TimeZone } from '@shared/domain'
import { catalogue, say } from '@shared/i18n'

const failed = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input)
  if (r.success) throw new Error('expected the parse to fail')
  return r.error
}

describe('a failed parse worded in each language', () => {
  it('says what is wrong, field by field, in Spanish and in English', () => {
    const e = failed(contract['cases:create'].input, { title: 'x'.repeat(400), reference: 7 })
    const { message, text } = invalidInput(e)
    expect(message).toMatch(/^The input is not valid: title: Too long: at most 300 characters/)
    expect(message).toMatch(/; reference: Invalid input: expected string, received number/)
    const error = new AppError('VALIDATION', message, undefined, text)
    expect(localMessage(error, 'es')).toMatch(
      /^Los datos no son válidos: title: Demasiado largo: como máximo 300 caracteres; reference: Entrada no válida: se esperaba un texto, se recibió un número/,
    )
    expect(localMessage(error, 'en')).toBe(message)
  })

  it('carries no part of the input itself, at most three problems, and lists cut short', () => {
    const secret = 'TOP-SECRET-7f3e'
    const schema = z.strictObject({ a: z.number(), b: z.number(), c: z.number(), d: z.number() })
    const keys = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, secret]))
    const text = invalidInputText(failed(schema, { a: secret, b: secret, c: secret, d: secret, ...keys }))
    const carried = JSON.parse(String(text.values?.issues)) as { keys?: unknown[] }[]
    expect(carried).toHaveLength(3)
    expect(String(text.values?.issues)).not.toContain(secret)
    const tooMany = invalidInputText(failed(z.strictObject({}), keys))
    const [unknownKeys] = JSON.parse(String(tooMany.values?.issues)) as { keys: string[] }[]
    expect(unknownKeys.keys).toHaveLength(20)
    expect(wordIssues(tooMany.values?.issues, 'es')).toMatch(/^Llaves? desconocidas?/)
  })

  it("keeps a check's own words, and never throws on carried issues that are not what it wrote", () => {
    const schema = z
      .object({ end: z.number() })
      .refine((v) => v.end > 0, { message: 'an annotation cannot end before it starts', path: ['end'] })
    expect(wordIssues(invalidInputText(failed(schema, { end: -1 })).values?.issues, 'es')).toBe(
      'end: an annotation cannot end before it starts',
    )
    for (const junk of [
      'not json',
      '{"a":1}',
      '[1, null, "x"]',
      '[{"code":"too_big"}]',
      undefined,
      '[{"code":{"x":1},"path":"p"}]',
    ])
      expect(() => wordIssues(junk, 'es')).not.toThrow()
    expect(wordIssues('not json', 'en')).toBe('')
  })

  it("words the app's own checks from the catalogue: the same English as the schema says, and Spanish", () => {
    const paragraph = (chars: number) => ({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(chars) }] }],
    })
    const cases: [z.ZodType, unknown, RegExp][] = [
      [TimeZone, 'Mars/Olympus', /^no es una zona horaria IANA/],
      [TimeRangeTarget, { type: 'time', start: 9, end: 3 }, /^una anotación no puede terminar antes de empezar$/],
      [RichTextInput, paragraph(2_100_000), /^el texto es demasiado grande \(más de 2\.0 MB; este apenas lo supera\)/],
      [
        RichTextInput,
        paragraph(4_000_000),
        /^el texto es demasiado grande \(más de 2\.0 MB; este ocupa unos 4\.0 MB\)/,
      ],
    ]
    for (const [schema, input, spanish] of cases) {
      const e = failed(schema, input)
      const text = invalidInputText(e)
      const [issue] = JSON.parse(String(text.values?.issues)) as { key: string; keyValues: string }[]
      // The schema's English message and the catalogue's English are the same words.
      expect(say('en', issue.key as never, JSON.parse(issue.keyValues) as never)).toBe(e.issues[0].message)
      expect(wordIssues(text.values?.issues, 'en')).toContain(e.issues[0].message)
      expect(wordIssues(text.values?.issues, 'es')).toMatch(spanish)
    }
  })

  it("words every schema's own message in Spanish, and every such message has its twin in the catalogue", () => {
    const domain = join(process.cwd(), 'src/shared/domain')
    const source = readdirSync(domain)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(domain, f), 'utf8'))
      .join('\n')
    // Messages written in the schemas: a check's second argument, or a custom check's message.
    const written = [
      ...source.matchAll(/\.(?:min|max|regex|length)\([^()]*(?:\([^()]*\)[^()]*)*,\s*'([^']+)'\)/g),
      ...source.matchAll(/message: '([^']+)'/g),
    ].map((m) => m[1])
    expect(written.length).toBeGreaterThanOrEqual(14)
    const twins = Object.entries(catalogue.en.errRecords as Record<string, string>).filter(([k]) =>
      k.startsWith('schema.'),
    )
    for (const message of written)
      expect(
        twins.some(([, text]) => text === message) ||
          ['annotationEndsBeforeStart', 'notTimeZone'].some((k) => say('en', `errRecords:${k}` as never) === message),
        message,
      ).toBe(true)
    for (const [key, text] of twins) {
      // ICU must not read anything in it (a <, a quote) as syntax: said exactly as written.
      expect(say('en', `errRecords:${key}` as never)).toBe(text)
      const worded = wordIssues(invalidInputText(failed(z.string().min(1, text), '')).values?.issues, 'es')
      expect(worded).toBe(say('es', `errRecords:${key}` as never))
      expect(worded).not.toBe(text)
    }
    expect(wordIssues(invalidInputText(failed(CaseInput, { title: ' ' })).values?.issues, 'es')).toBe(
      'title: un expediente necesita un título',
    )
  })
})
