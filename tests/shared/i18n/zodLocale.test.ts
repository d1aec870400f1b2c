/**
 * zod's Spanish for a malformed string ("Inválido fecha y hora ISO") is said as
 * Spanish puts it; every other message is zod's own, and English is untouched.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zodLocale } from '@shared/i18n/zodLocale'

const said = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0].message

describe('zodLocale', () => {
  afterAll(() => z.config(z.locales.en()))

  it.each([
    [z.iso.datetime(), 'ayer', 'Fecha y hora ISO no válida'],
    [z.iso.date(), '2026-13-40', 'Fecha ISO no válida'],
    [z.url(), 'no es una url', 'URL no válida'],
    [z.email(), 'ana@', 'Dirección de correo electrónico no válida'],
    [z.uuid(), 'x', 'UUID no válido'],
    [z.string().regex(/^a$/), 'b', 'Cadena inválida: debe coincidir con el patrón /^a$/'],
    [z.string().max(2), 'abc', 'Demasiado grande: se esperaba que texto tuviera <=2 caracteres'],
  ])('in Spanish: %#', (schema, value, expected) => {
    z.config(zodLocale('es'))
    expect(said(schema, value)).toBe(expected)
  })

  it('in English, zod as it is', () => {
    z.config(zodLocale('en'))
    expect(said(z.iso.datetime(), 'ayer')).toBe('Invalid ISO datetime')
    expect(said(z.url(), 'x')).toBe('Invalid URL')
  })
})
