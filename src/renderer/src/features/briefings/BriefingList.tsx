import { useEffect, useRef, useState } from 'react'
import type { BriefingSummary } from '@shared/domain'
import { formatDateTime } from '@shared/i18n/format'
import { call } from '@renderer/lib/api'
import { browserTimeZone } from '@renderer/lib/timeZones'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { RowActions } from '@renderer/components/RowActions'
import { messageOf } from '@shared/ipc/result'
import { NewBriefingForm } from './NewBriefingForm'

interface Props {
  caseId: string
  briefings: BriefingSummary[]
  readOnly?: boolean
  /** The briefing that was open before, so coming back puts the focus on its link. */
  lastOpened?: string
  onOpen: (briefingId: string) => void
  onChanged: () => Promise<void>
}

export function BriefingList({ caseId, briefings, readOnly, lastOpened, onOpen, onChanged }: Props) {
  const t = useT('briefings')
  const lang = useLanguage()
  const [error, setError] = useState('')
  const [removing, setRemoving] = useState<BriefingSummary | null>(null)
  const table = useRef<HTMLTableElement>(null)

  // Back from the editor: the focus returns to the briefing that was open, not to the page body.
  useEffect(() => {
    if (!lastOpened) return
    const links = table.current?.querySelectorAll<HTMLElement>('a[data-briefing]') ?? []
    ;[...links].find((a) => a.dataset.briefing === lastOpened)?.focus()
  }, [lastOpened])

  const duplicate = async (b: BriefingSummary) => {
    try {
      await call('briefings:duplicate', { caseId, briefingId: b.id })
      await onChanged()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <div className="briefing-list">
      {briefings.length ? (
        <table className="table" ref={table}>
          <thead>
            <tr>
              <th scope="col">{t('list.title')}</th>
              <th scope="col">{t('list.template')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.changed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {briefings.map((b) => (
              <tr key={b.id}>
                <td>
                  <a
                    href={`#/case/${encodeURIComponent(caseId)}/briefings/${encodeURIComponent(b.id)}`}
                    data-briefing={b.id}
                    onClick={(e) => {
                      e.preventDefault()
                      onOpen(b.id)
                    }}
                  >
                    {b.title}
                  </a>
                </td>
                <td>{t(`template.${b.template}`)}</td>
                <td>
                  <span className={`briefing-status briefing-status--${b.status}`}>{t(`status.${b.status}`)}</span>
                </td>
                <td>{formatDateTime(b.updatedAt, lang, browserTimeZone())}</td>
                <td className="table__actions">
                  {!readOnly && (
                    <RowActions
                      look="small"
                      actions={[
                        {
                          label: t('list.duplicate'),
                          name: t('list.duplicateNamed', { title: b.title }),
                          onClick: () => void duplicate(b),
                        },
                        {
                          label: t('list.delete'),
                          name: t('list.deleteNamed', { title: b.title }),
                          onClick: () => setRemoving(b),
                          danger: true,
                        },
                      ]}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('list.empty')}</p>
      )}
      <ErrorAlert>{error}</ErrorAlert>

      {!readOnly && <NewBriefingForm caseId={caseId} onCreated={onChanged} onOpen={onOpen} />}

      {removing && (
        <ConfirmDialog
          title={t('delete.title')}
          message={t('delete.message', { title: removing.title })}
          confirmLabel={t('delete.confirm')}
          onConfirm={async () => {
            await call('briefings:remove', { caseId, briefingId: removing.id })
            await onChanged()
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  )
}
