import { useCallback, useEffect, useId, useState } from 'react'
import type { CaseDetail, EvidenceItem, ItemInspection } from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call } from '@renderer/lib/api'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'
import { newTaskId } from '../api'
import { Credentials } from './Credentials'
import { Facts } from './Facts'
import { FingerprintLine, Matches } from './Matches'
import { SunAids } from './SunAids'
import { Warnings } from './Warnings'
import { duration } from './words'
import '../styles/examination.css'

interface Props {
  caseId: string
  item: EvidenceItem
  detail: CaseDetail
}

/**
 * What Casefile read from an item's file (issue 16): warnings against the
 * claims first, then the metadata with its sources, Content Credentials,
 * near-duplicates across the workspace, and the sun then and there. Worked out
 * in main (verification:inspect) as the claims stand now; nothing here edits the item.
 */
export function ExaminationPanel({ caseId, item, detail }: Props) {
  const t = useT('examination')
  const fmt = useFormat()
  const id = useId()
  const [inspection, setInspection] = useState<ItemInspection | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState('')

  const load = useCallback(async () => {
    try {
      setInspection(await call('verification:inspect', { caseId, evidenceId: item.id }))
      setError('')
    } catch (e) {
      setError(t('loadFailed', { reason: messageOf(e) }))
    }
  }, [caseId, item.id, t])

  // Again whenever the item comes back changed: a large file's examination arrives after its import
  // (or ends with nothing recorded, which main announces as a change too).
  useEffect(() => {
    void load()
  }, [load, item])

  const reread = async () => {
    setBusy(true)
    setSaid('')
    try {
      const out = await call('verification:reread', { caseId, evidenceId: item.id, taskId: newTaskId('reread') })
      const failed = out.items.find((r) => r.status === 'failed')
      setSaid(failed ? t('rereadFailed', { reason: failed.reason }) : t('rereadDone'))
      await load()
    } catch (e) {
      setSaid(t('rereadFailed', { reason: messageOf(e) }))
    } finally {
      setBusy(false)
    }
  }

  const a = inspection?.analysis
  const note = !item.file
    ? t('note.noFile')
    : inspection && !a
      ? t(inspection.examining ? 'note.examining' : 'note.notExamined')
      : a && a.sha256 !== item.file.sha256
        ? t('note.stale')
        : ''

  return (
    <section className="ex-panel" aria-labelledby={`${id}-title`}>
      <header className="ex-panel__head">
        <div>
          <h3 id={`${id}-title`}>{t('title')}</h3>
          <p className="muted small">{t('intro')}</p>
          {a && (
            <p className="muted small">
              {t('examinedAt', { date: fmt.dateTime(a.analysedAt) })} ·{' '}
              {t('readers', { readers: a.metadata.readers.join(', ') })}
            </p>
          )}
        </div>
        {item.file && (
          <button type="button" onClick={reread} disabled={busy || !!inspection?.examining}>
            {busy ? t('rereading') : t('reread')}
          </button>
        )}
      </header>
      <p role="status" className="small">
        {said}
      </p>
      <ErrorAlert>{error}</ErrorAlert>
      {note && <p className="ex-note">{note}</p>}
      {!inspection && !error && item.file && <p className="muted loading">{t('loading')}</p>}
      {inspection && a && (
        <>
          <h4>{t('warnings')}</h4>
          <p className="muted small">
            {t('warningsCount', { count: inspection.warnings.length })} ·{' '}
            {t('compared', {
              count: inspection.claims.length,
              margin: duration(t, inspection.settings.timeMarginMinutes, fmt.number),
              radius: fmt.number(inspection.settings.placeRadiusKm),
            })}
          </p>
          <Warnings warnings={inspection.warnings} detail={detail} />
          <h4>{t('metadata')}</h4>
          <Facts metadata={a.metadata} />
          <h4>{t('c2pa')}</h4>
          <Credentials c2pa={a.c2pa} />
          <h4>{t('duplicates')}</h4>
          <Matches matches={inspection.duplicates} />
          <FingerprintLine fingerprint={a.fingerprint} />
          {(item.kind === 'image' || item.kind === 'video') && (
            <>
              <h4>{t('sun')}</h4>
              <SunAids aids={inspection.aids} detail={detail} />
            </>
          )}
        </>
      )}
    </section>
  )
}
