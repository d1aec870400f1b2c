import { useEffect, useState } from 'react'
import { EVIDENCE_KINDS, instantToLocal, localToInstant, type EvidenceItem, type EvidenceKind } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { defaultTimeZone, rememberTimeZone } from '@renderer/lib/timeZones'
import { evidenceApi } from '../api'
import { isWebUrl } from '@renderer/lib/url'
import { FormFooter } from '@renderer/components/FormFooter'
import { messageOf } from '@shared/ipc/result'

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
    if (!title.trim()) return setError('Give the item a title.')
    if (url && !isWebUrl(url)) return setError('The source URL must start with http:// or https://.')
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
    <Dialog title="Add URL reference" onClose={onClose}>
      <form className="ev-form" onSubmit={submit}>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input data-autofocus required value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Source URL as captured
          <input type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label>
          Dates are in
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
            Captured at
            <input type="datetime-local" value={capturedAt} onChange={(e) => setCapturedAt(e.target.value)} />
          </label>
          <label>
            Captured by
            <input value={capturedBy} onChange={(e) => setCapturedBy(e.target.value)} />
          </label>
        </div>
        <label>
          Published at
          <input type="datetime-local" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
        </label>
        <label>
          Description (what the post says, account, handle…)
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <FormFooter error={error ? error : null} onCancel={onClose} submitLabel="Add reference" busy={busy} />
      </form>
    </Dialog>
  )
}
