/**
 * The command line in the terminal's language: chosen by --lang (anywhere on the line),
 * CASEFILE_LANG, then LC_ALL / LC_MESSAGES / LANG; its own lines, its help, its usage
 * errors, the services' errors and zod's validation messages all worded in it.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliLanguageOf, takeLang } from '@main/cli/language'
import { runCli, runMain } from '../../helpers/cli'
import { hasFfmpeg, makeAudio, makeVideo } from '../../helpers/media'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('choosing the language', () => {
  it('takes --lang first, then CASEFILE_LANG, then the POSIX locale variables in their order', () => {
    expect(cliLanguageOf(['cases', '--lang', 'es'], {})).toBe('es')
    expect(cliLanguageOf(['--lang=es', 'cases'], { LANG: 'en_US.UTF-8' })).toBe('es')
    expect(cliLanguageOf(['cases'], { CASEFILE_LANG: 'es', LANG: 'en_US.UTF-8' })).toBe('es')
    expect(cliLanguageOf(['cases'], { LANG: 'es_EC.UTF-8' })).toBe('es')
    expect(cliLanguageOf(['cases'], { LC_ALL: 'en_GB.UTF-8', LANG: 'es_EC.UTF-8' })).toBe('en')
    expect(cliLanguageOf(['cases'], { LC_MESSAGES: 'es_ES', LANG: 'en_US' })).toBe('es')
    expect(cliLanguageOf(['cases'], { LANG: 'C' })).toBe('en')
    expect(cliLanguageOf(['cases'], { LANG: 'POSIX' })).toBe('en')
    expect(cliLanguageOf(['cases'], {})).toBe('en')
    // After `--` nothing is an option, and `--text=--lang` is a text, not the language.
    expect(cliLanguageOf(['show', 'C', '--', '--lang', 'es'], { LANG: 'en_US' })).toBe('en')
    expect(takeLang(['note', 'add', 'C', '--text=--lang', 'es'])).toEqual({
      argv: ['note', 'add', 'C', '--text=--lang', 'es'],
      lang: undefined,
    })
    expect(takeLang(['--lang', 'es', 'note', 'add', '--', '--lang', 'en'])).toEqual({
      argv: ['note', 'add', '--', '--lang', 'en'],
      lang: 'es',
    })
    // A bad value falls back to the environment; main refuses it (below).
    expect(cliLanguageOf(['cases', '--lang', 'fr'], { LANG: 'es_MX' })).toBe('es')
  })

  it('refuses a language it does not have, in the one it does (exit 2)', async () => {
    process.env.LANG = 'es_EC.UTF-8'
    const r = await runMain(['cases', '--lang', 'fr', '--workspace', await tempDir()])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('casefile: --lang debe ser es o en\n')
  })
})

describe('a fresh workspace worked in Spanish', () => {
  it('speaks Spanish in results, tables, help, usage errors, service errors and validation; English stays as it was', async () => {
    const ws = join(await tempDir(), 'ws')
    const es = (...args: string[]) => runMain([...args, '--workspace', ws, '--lang', 'es'])
    const en = (...args: string[]) => runMain([...args, '--workspace', ws, '--lang', 'en'])

    expect((await es('case', 'new', '--title', 'Incidente en el consulado', '--reference', 'ECU-1')).stdout).toMatch(
      /^Se creó el expediente case_\w+ \(ECU-1\): Incidente en el consulado \[open\]$/m,
    )
    expect((await en('case', 'new', '--title', 'Second', '--reference', 'ECU-2')).stdout).toMatch(
      /^Created case case_\w+ \(ECU-2\): Second \[open\]$/m,
    )
    expect((await es('cases')).stdout.split('\n')[0]).toMatch(/^REFERENCIA +ESTADO +CLASIFICACIÓN +ID +TÍTULO$/)
    expect((await en('cases')).stdout.split('\n')[0]).toMatch(/^REFERENCE +STATUS +CLASSIFICATION +ID +TITLE$/)

    // A time the clocks skipped is said in Spanish, and the event's date is a Spanish date.
    const ev = await es(
      'event',
      'add',
      'ECU-1',
      '--at',
      '2026-03-08T02:30',
      '--tz',
      'America/Chicago',
      '--text',
      'Hecho',
    )
    expect(ev.stdout).toMatch(
      /^Se añadió el hecho event_\w+: 8 mar 2026, 03:30 \(America\/Chicago, UTC-05:00\) — Hecho$/m,
    )
    expect(ev.stderr).toMatch(
      /^casefile: nota: 2026-03-08T02:30 no existe en America\/Chicago: allí los relojes se adelantaron 60 minutos\./m,
    )

    const help = await runMain(['help', 'event', 'add', '--lang', 'es'])
    expect(help.stdout).toMatch(/^uso: casefile event add EXPEDIENTE --at CUÁNDO \[--tz ZONA\] \[--text TEXTO\]/m)
    expect(help.stdout).toContain('Añade un hecho a la cronología.')
    expect(help.stdout).toMatch(/^Opciones:$/m)
    expect(help.stdout).toMatch(/--at CUÁNDO +cuándo ocurrió \(obligatoria\)/)
    expect(help.stdout).toMatch(/--workspace CARPETA +la carpeta del espacio de trabajo/)
    // The example keeps the command, its options and the ids; its sample text is Spanish.
    expect(help.stdout).toContain(
      'casefile event add ECU-USA-2026-001 --at 2026-01-27T11:00 --tz America/Chicago --text "El agente se acerca a la puerta" --precision approximate --actor actor_ice_agent',
    )
    expect((await runMain(['help', 'event', 'add', '--lang', 'en'])).stdout).toContain(
      '--text "Agent approaches the door" --precision approximate',
    )
    const overview = (await runMain(['--lang', 'es', 'help'])).stdout
    expect(overview).toContain('uso: casefile <sustantivo> <verbo> [argumentos] [opciones]')
    expect(overview).toContain('EXPEDIENTE es el identificador o la referencia de un expediente')
    for (const heading of ['Expedientes', 'Actores', 'Hechos', 'Pruebas', 'Anotaciones', 'Informes', 'Cifrado'])
      expect(overview).toContain(`\n${heading}:\n`)
    expect(overview).toMatch(/^ {2}case archive EXPEDIENTE +Archiva un expediente/m)
    expect(overview).toMatch(/^ {2}annotation import PRUEBA ARCHIVO +Lee un archivo/m)
    expect((await es('show')).stderr).toBe('casefile show: se esperaba 1 argumento: casefile show EXPEDIENTE\n')

    const usage = await es('cases', '--bogus')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toBe('casefile cases: opción desconocida --bogus; consulte casefile help cases\n')

    const missing = await es('show', 'NOPE')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      'casefile show: No hay ningún expediente con el identificador o la referencia "NOPE".\n',
    )
    expect((await en('show', 'NOPE')).stderr).toBe('casefile show: No case with id or reference "NOPE".\n')

    const long = await es('actor', 'add', 'ECU-1', '--name', 'n'.repeat(400))
    expect(long.code).toBe(1)
    expect(long.stderr).toMatch(
      /^casefile actor add: datos no válidos: name: Demasiado largo: como máximo \d+ caracteres$/m,
    )

    // The language may also come from the environment, before the command words.
    process.env.LANG = 'es_EC.UTF-8'
    expect((await runMain(['evidence', 'list', 'ECU-1', '--workspace', ws])).stdout).toContain(
      'Este expediente todavía no tiene pruebas',
    )
    expect((await runMain(['--lang', 'en', 'evidence', 'list', 'ECU-1', '--workspace', ws])).stdout).toContain(
      'No evidence in this case yet',
    )
  }, 120_000)
})

describe('the words around the data, in Spanish', () => {
  it('counts, annotation places, an untitled note, a refused choice: no English between the values', async () => {
    const ws = join(await tempDir(), 'ws')
    const es = (...args: string[]) => runMain([...args, '--workspace', ws, '--lang', 'es'])
    await es('case', 'new', '--title', 'Incidente', '--reference', 'ECU-1')
    const issue = await es('issue', 'add', 'ECU-1', '--question', '¿Hubo inviolabilidad?')
    expect(issue.stdout).toMatch(/\(0 hechos, 0 pruebas, 0 extractos\)/)
    const item = await es(
      'evidence',
      'add',
      'ECU-1',
      '--url',
      'https://e.org/nota',
      '--title',
      'Nota',
      '--kind',
      'document',
      '--json',
    )
    const itemId = (JSON.parse(item.stdout) as { id: string }).id
    const note = await es('annotation', 'add', itemId, '--case', 'ECU-1', '--page', '3', '--text', 'firma')
    expect(note.stdout).toMatch(/ann_\w+ en pág\. 3: firma/)
    const wrong = await es('annotation', 'add', itemId, '--case', 'ECU-1', '--at', '5', '--text', 'x')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/Un documento se anota mediante una página o una región, no mediante un momento\./)
    expect((await es('note', 'add', 'ECU-1', '--text', 'sin título aún', '--json')).code).toBe(0)
    expect((await es('show', 'ECU-1')).stdout).toContain('(sin título)')
    const refused = await es('settings', 'set', 'memo-language', 'fr')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/el idioma debe ser uno de: en, es/)
  }, 120_000)

  it.skipIf(!hasFfmpeg)(
    'titles what it makes in Spanish: a still, a clip, a copy of a Spanish briefing',
    async () => {
      const ws = join(await tempDir(), 'ws')
      const media = await tempDir('casefile-media-')
      makeAudio(join(media, 'llamada.m4a'), '2026-01-27T17:00:00Z')
      makeVideo(join(media, 'puerta.mp4'), { seconds: 3 })
      const es = (...args: string[]) => runMain([...args, '--workspace', ws, '--lang', 'es'])
      const json = async (...args: string[]) =>
        JSON.parse((await es(...args, '--json')).stdout) as Record<string, string>
      await es('case', 'new', '--title', 'Incidente', '--reference', 'ECU-1')
      const video = await json('evidence', 'add', 'ECU-1', '--file', join(media, 'puerta.mp4'), '--title', 'Puerta')
      const audio = await json('evidence', 'add', 'ECU-1', '--file', join(media, 'llamada.m4a'), '--title', 'Llamada')
      expect((await json('evidence', 'still', video.id, '--at', '0:01')).title).toBe(
        'Fotograma de “Puerta” en 00:00:01',
      )
      expect((await json('evidence', 'clip', audio.id, '--from', '0:00.5', '--to', '0:01.5')).title).toBe(
        'Fragmento de “Llamada”, 00:00:00.5–00:00:01.5',
      )
      const memo = await json('briefing', 'new', 'ECU-1', '--template', 'blank', '--language', 'es')
      const copy = await json('briefing', 'duplicate', memo.id)
      expect(copy).toMatchObject({ title: `${memo.title} (copia)`, language: 'es' })
      // In English, the English words, whatever the memo's language.
      const en = (...args: string[]) => runMain([...args, '--workspace', ws, '--lang', 'en', '--json'])
      expect(JSON.parse((await en('evidence', 'still', video.id, '--at', '0:02')).stdout).title).toBe(
        'Still of “Puerta” at 00:00:02',
      )
      // A title the source fills to the limit: the made one is cut to it, never refused.
      await es('evidence', 'edit', video.id, '--title', 'P'.repeat(495))
      const long = await json('evidence', 'still', video.id, '--at', '0:00.5')
      expect(long.title).toHaveLength(500)
      expect(long.title).toMatch(/^Fotograma de “P+$/)
    },
    120_000,
  )
})

describe('the command as installed (bin/casefile.mjs, the bundle when built)', () => {
  it('speaks Spanish too, zod messages included (the bundle keeps the Spanish zod catalogue)', async () => {
    const ws = await tempDir()
    const r = await runCli(['actor', 'add', 'NOPE', '--name', 'n'.repeat(400), '--workspace', ws], {
      bin: true,
      env: { CASEFILE_LANG: 'es' },
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^casefile actor add: (datos no válidos: name: Demasiado largo|No hay ningún expediente)/)
    const help = await runCli(['help', '--lang', 'es'], { bin: true })
    expect(help.stdout).toContain('uso: casefile <sustantivo> <verbo>')
  }, 60_000)
})
