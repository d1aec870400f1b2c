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
    [z.string().max(2), 'abc', 'Demasiado largo: como máximo 2 caracteres'],
    [z.string().min(1), '', 'No puede estar vacío'],
    [z.string().min(3), 'ab', 'Demasiado corto: al menos 3 caracteres'],
    [z.array(z.string()).max(1), ['a', 'b'], 'Demasiados elementos: como máximo 1'],
    [z.array(z.string()).min(1), [], 'No puede estar vacía'],
    [z.number().max(5), 6, 'Demasiado grande: como máximo 5'],
    [z.number().gt(5), 5, 'Demasiado pequeño: mayor que 5'],
    [z.string(), 7, 'Entrada no válida: se esperaba un texto, se recibió un número'],
    [z.array(z.number()), 'x', 'Entrada no válida: se esperaba una lista, se recibió un texto'],
    [z.object({ a: z.string() }), null, 'Entrada no válida: se esperaba un objeto, se recibió un valor nulo'],
    [z.object({ a: z.string() }).shape.a, undefined, 'Falta: se esperaba un texto'],
    [z.enum(['a', 'b']), 'c', 'Opción inválida: se esperaba una de "a"|"b"'],
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
