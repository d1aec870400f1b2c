import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { runCli } from '../../helpers/cli'
import { hasFfmpeg, makeVideo, reencodeCropped } from '../../helpers/media'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe.skipIf(!hasFfmpeg)('casefile evidence inspect / duplicates / reread', () => {
  it('prints facts with their source, warnings, Content Credentials and the clip match; JSON too', async () => {
    const ws = await tempDir()
    const media = await tempDir()
    makeVideo(join(media, 'original.mp4'), { seconds: 10, creationTime: '2026-01-27T17:00:00Z' })
    reencodeCropped(join(media, 'original.mp4'), join(media, 'repost.mp4'), 4, 5)
    await writeFile(join(media, 'notes.txt'), 'plain text')
    // The workspace is made in-process (each command line start costs seconds on a loaded machine).
    const s = await openWorkspace(ws)
    const c = await s.cases.create({ title: 'Door', reference: 'REF-1' })
    const add = async (file: string, title: string) =>
      (await s.evidence.importFile(c.id, join(media, file), { title })).id
    const original = await add('original.mp4', 'Original')
    const repost = await add('repost.mp4', 'Repost')
    const notes = await add('notes.txt', 'Notes')
    await s.close()
    const cli = (...args: string[]) => runCli([...args, '--workspace', ws])

    const text = await cli('evidence', 'inspect', repost)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^Repost \(ev_[0-9a-f]+\) \[video\] {2}SHA-256 [0-9a-f]{64}$/m)
    expect(text.stdout).toMatch(/^Metadata: No metadata found: [^(]+\(ffprobe [^)]+\)/m)
    expect(text.stdout).toMatch(/^ {2}Duration \(s\) +5 +ffprobe: format\.duration$/m)
    expect(text.stdout).toMatch(/^ {2}! metadata-stripped: /m)
    expect(text.stdout).toMatch(/^Content Credentials \(C2PA\): The file carries no Content Credentials\.$/m)
    expect(text.stdout).toContain(
      'This clip matches “Original” at 00:00:04–00:00:09 (here 00:00:00–00:00:05; 5 keyframes).',
    )
    expect(text.stdout).toContain(`(${original}) [dHash`)
    expect(text.stdout).toMatch(
      /^Fingerprint: 5 keyframes are hashed for matching, by ffmpeg \S+ \(keyframes, at most one a second\)\.$/m,
    )
    // In Spanish, the sampling too: no English inside the sentence.
    const es = await cli('evidence', 'inspect', repost, '--lang', 'es')
    expect(es.stdout).toMatch(
      /^Huella perceptual: 5 fotogramas clave tienen huella para compararlos, calculada con ffmpeg \S+ \(fotogramas clave, como mucho uno por segundo\)\.$/m,
    )

    // No reader took the file: no empty "()" where the readers would be named.
    const plain = await cli('evidence', 'inspect', notes)
    expect(plain.stdout).toMatch(/^Metadata: Casefile reads no metadata from this kind of file\. Examined \S+\.$/m)

    const json = JSON.parse((await cli('evidence', 'inspect', original, '--json')).stdout)
    expect(json.analysis.metadata.facts).toContainEqual({
      name: 'captureTime',
      value: '2026-01-27T17:00:00Z',
      source: { reader: 'ffprobe', field: 'format.tags.creation_time' },
    })
    expect(json.duplicates[0]).toMatchObject({ evidenceId: repost, here: { start: 4, end: 9 } })

    const dup = await cli('evidence', 'duplicates', 'REF-1')
    expect(dup.stdout).toContain(`Original (`)
    expect(dup.stdout).toContain('matches “Repost” at')
    expect(dup.stdout).toContain(`/${repost})`)

    const reread = await cli('evidence', 'reread', '--all')
    expect(reread.code).toBe(0)
    expect(reread.stdout).toMatch(/^3 items read\.$/m)
    expect(reread.stdout).toMatch(/read +\S+ +"Notes": Casefile reads no metadata from this kind of file\./)
    const missing = await cli('evidence', 'inspect', 'ev_missing')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No evidence item with id "ev_missing"/)
  }, 180_000)
})
