import { useId, useState, type RefObject } from 'react'
import {
  ANNOTATION_FORMATS,
  formatTimecode,
  type Annotation,
  type AnnotationFormat,
  type EvidenceItem,
} from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { useT } from '@renderer/lib/i18n'
import { formatRoute } from '@renderer/lib/router'
import { evidenceApi, newTaskId } from '../api'

interface Props {
  caseId: string
  item: EvidenceItem
  mediaRef: RefObject<HTMLMediaElement | null>
  /** The selected annotation: its span is the clip offered. */
  selected: Annotation | null
  tiers: string[]
  /** A new exhibit was made, or the item's annotations changed: the screen around re-reads. */
  onCreated: (item: EvidenceItem) => void
  onImported: (added: Annotation[]) => void
}

/** The frame the player shows, as PNG base64; undefined when the picture cannot be read (main then cuts it with ffmpeg). */
function grabFrame(media: HTMLMediaElement | null): string | undefined {
  if (!(media instanceof HTMLVideoElement) || !media.videoWidth) return undefined
  try {
    const canvas = document.createElement('canvas')
    canvas.width = media.videoWidth
    canvas.height = media.videoHeight
    canvas.getContext('2d')!.drawImage(media, 0, 0)
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
  } catch {
    return undefined
  }
}

/**
 * Derived exhibits (a still at the current frame, a clip of the selected span)
 * and the item's annotations out and in as subtitle or transcript files. The
 * original file is never changed: each derived exhibit is a new item whose
 * custody names the source's SHA-256 and the time code.
 */
export function ExhibitTools({ caseId, item, mediaRef, selected, tiers, onCreated, onImported }: Props) {
  const t = useT('evidence')
  const id = useId()
  const [busy, setBusy] = useState('')
  const [said, setSaid] = useState<{ text: string; link?: EvidenceItem; error?: boolean } | null>(null)
  const [format, setFormat] = useState<AnnotationFormat>('vtt')
  const [tier, setTier] = useState('')
  const isVideo = item.kind === 'video' || Boolean(item.file?.mediaType.startsWith('video/'))
  const span = selected?.target.type === 'time' && selected.target.end > selected.target.start ? selected.target : null
  const oneTier = format === 'vtt' || format === 'srt'

  const run = async (what: string, work: () => Promise<void>) => {
    setBusy(what)
    setSaid(null)
    try {
      await work()
    } catch (e) {
      setSaid({ text: t('exhibitTools.failed', { reason: messageOf(e) }), error: true })
    } finally {
      setBusy('')
    }
  }

  const still = () =>
    run('still', async () => {
      const media = mediaRef.current
      media?.pause()
      const at = media?.currentTime ?? 0
      // Titled in the window's language; main's own title (for the command line) is English.
      const title = t('exhibitTools.stillTitle', { title: item.title, code: formatTimecode(at) })
      const made = await evidenceApi.still(caseId, item.id, at, title.slice(0, 500), grabFrame(media))
      setSaid({ text: t('exhibitTools.made', { title: made.title }), link: made })
      onCreated(made)
    })
  const clip = () =>
    run('clip', async () => {
      const range = `${formatTimecode(span!.start)}–${formatTimecode(span!.end)}`
      const title = t('exhibitTools.clipTitle', { title: item.title, range }).slice(0, 500)
      const made = await evidenceApi.clip(caseId, item.id, span!.start, span!.end, title, newTaskId('clip'))
      setSaid({ text: t('exhibitTools.made', { title: made.title }), link: made })
      onCreated(made)
    })
  const exportTo = () =>
    run('export', async () => {
      const out = await evidenceApi.exportAnnotations(caseId, item.id, format, oneTier ? tier : undefined)
      setSaid({ text: t('exhibitTools.exported', { count: out.cues, path: out.path }) })
    })
  const importFrom = () =>
    run('import', async () => {
      const back = await evidenceApi.importAnnotations(caseId, item.id, tier || undefined)
      onImported(back.added)
      const problems = back.problems.map((p) => t('exhibitTools.problem', { line: p.line, message: p.message }))
      setSaid({ text: [t('exhibitTools.imported', { count: back.added.length }), ...problems].join(' ') })
    })

  return (
    <section className="ev-tools" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('exhibitTools.heading')}</h4>
      <div className="ev-tools__row">
        {isVideo && (
          <button type="button" onClick={still} disabled={!!busy}>
            {busy === 'still' ? t('exhibitTools.working') : t('exhibitTools.still')}
          </button>
        )}
        <button
          type="button"
          onClick={clip}
          disabled={!!busy || !span}
          title={span ? undefined : t('exhibitTools.clipHint')}
        >
          {busy === 'clip' ? t('exhibitTools.working') : t('exhibitTools.clip')}
        </button>
      </div>
      <div className="ev-tools__row">
        <label htmlFor={`${id}-format`}>{t('exhibitTools.format')}</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as AnnotationFormat)}>
          {ANNOTATION_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`exhibitTools.format.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-tier`}>{t('exhibitTools.tier')}</label>
        <select id={`${id}-tier`} value={tier} onChange={(e) => setTier(e.target.value)}>
          {['', ...tiers.filter(Boolean)].map((name) => (
            <option key={name} value={name}>
              {name || t('exhibitTools.defaultTier')}
            </option>
          ))}
        </select>
      </div>
      <div className="ev-tools__row">
        <button type="button" onClick={exportTo} disabled={!!busy}>
          {busy === 'export' ? t('exhibitTools.working') : t('exhibitTools.export')}
        </button>
        <button type="button" onClick={importFrom} disabled={!!busy}>
          {busy === 'import' ? t('exhibitTools.working') : t('exhibitTools.import')}
        </button>
      </div>
      <p role="status" className={`small ${said?.error ? 'form-error' : 'muted'}`}>
        {said?.text}{' '}
        {said?.link && (
          <a href={formatRoute({ name: 'case', caseId, tab: 'evidence', itemId: said.link.id })}>
            {t('exhibitTools.open')}
          </a>
        )}
      </p>
    </section>
  )
}
