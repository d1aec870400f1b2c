import { useEffect, useState } from 'react'
import { EVIDENCE_KINDS, instantToLocal, localToInstant, type EvidenceItem, type EvidenceKind } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { defaultTimeZone, rememberTimeZone } from '@renderer/lib/timeZones'
import { evidenceApi } from '../api'
import { isWebUrl } from '@shared/domain/webUrl'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'
import { useT } from '@renderer/lib/i18n'

/**
 * For what cannot be downloaded (a social post, a page behind a login): a
 * reference that keeps the URL as captured and who captured it when.
 */
export function UrlReferenceDialog({
  caseId,
  onClose,
  onAdded,
}: {
  caseId: string
  onClose: () => void
  onAdded: (item: EvidenceItem) => void
}) {
  const t = useT('evidence')
  const [kind, setKind] = useState<EvidenceKind>('social post')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [tz, setTz] = useState(defaultTimeZone)
  const [capturedAt, setCapturedAt] = useState(() => instantToLocal(new Date().toISOString(), tz))
  const [capturedBy, setCapturedBy] = useState('')
  useEffect(() => {
    // Whoever is logged in is the usual capturer; they can change it.
    call('workspace:info', {})
      .then((info) => setCapturedBy((v) => v || info.userName))
      .catch(() => undefined)
  }, [])
  const [publishedAt, setPublishedAt] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError(t('url.needTitle'))
    if (url && !isWebUrl(url)) return setError(t('url.notWeb'))
    setBusy(true)
    setError('')
    try {
      const item = await evidenceApi.add(caseId, {
        kind,
        title: title.trim(),
        sourceUrl: url.trim(),
        description,
        capturedBy: capturedBy.trim(),
        capturedAt: (capturedAt && localToInstant(capturedAt, tz)) || undefined,
        publishedAt: (publishedAt && localToInstant(publishedAt, tz)) || undefined,
      })
      onAdded(item)
      onClose()
    } catch (e2) {
      setError(messageOf(e2))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('url.title')} onClose={onClose}>
      <form className="ev-form" onSubmit={submit}>
        <label>
          {t('details.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('editor.title')}
          <input data-autofocus required value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('details.sourceUrl')}
          <input type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label>
          {t('url.zone')}
          <TimeZoneSelect
            value={tz}
            onChange={(next) => {
              // The same moments, shown in the other zone.
              const move = (v: string) => {
                const instant = v && localToInstant(v, tz)
                return instant ? instantToLocal(instant, next) : v
              }
              setCapturedAt(move)
              setPublishedAt(move)
              setTz(next)
              rememberTimeZone(next)
            }}
          />
        </label>
        <div className="ev-form__row">
          <label>
            {t('details.capturedAt')}
            <input type="datetime-local" value={capturedAt} onChange={(e) => setCapturedAt(e.target.value)} />
          </label>
          <label>
            {t('details.capturedBy')}
            <input value={capturedBy} onChange={(e) => setCapturedBy(e.target.value)} />
          </label>
        </div>
        <label>
          {t('details.publishedAt')}
          <input type="datetime-local" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
        </label>
        <label>
          {t('url.description')}
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <ErrorAlert>{error || null}</ErrorAlert>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button--primary" disabled={busy}>
            {t('url.add')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
