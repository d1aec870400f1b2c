import { useId, useState } from 'react'
import { TierName } from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useT } from '@renderer/lib/i18n'

/** Why a name cannot be a new tier (a catalogue key), or null when it can. Checked against the shared schema. */
export function tierNameProblem(name: string, existing: readonly string[]) {
  const trimmed = name.trim()
  if (!trimmed || !TierName.safeParse(trimmed).success) return 'tiers.nameInvalid' as const
  if (existing.some((t) => t.trim().toLowerCase() === trimmed.toLowerCase())) return 'tiers.nameTaken' as const
  return null
}

/** "New tier…": a name field that opens in place, creating an (empty) lane for the item. */
export function NewTierForm({
  tiers,
  onCreate,
  label,
}: {
  tiers: readonly string[]
  onCreate: (name: string) => Promise<void>
  /** The button's words, when the form sits somewhere else (the annotation's tier field). */
  label?: string
}) {
  const t = useT('evidence')
  const id = useId()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  if (!open)
    return (
      <button type="button" className="button--small" onClick={() => setOpen(true)}>
        {label ?? t('tiers.newTier')}
      </button>
    )
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const problem = tierNameProblem(name, tiers)
    if (problem) return setError(t(problem))
    setBusy(true)
    try {
      await onCreate(name.trim())
      setName('')
      setError('')
      setOpen(false)
    } catch (err) {
      setError(t('tiers.createFailed', { message: messageOf(err) }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="tl__newtier"
      onSubmit={submit}
      onKeyDown={(e) => {
        // Keys typed here are the name's, not the player's or the lanes'.
        e.stopPropagation()
        if (e.key === 'Escape') setOpen(false)
      }}
    >
      <label htmlFor={`${id}-name`} className="visually-hidden">
        {t('tiers.newTierName')}
      </label>
      <input
        id={`${id}-name`}
        autoFocus
        value={name}
        maxLength={80}
        placeholder={t('tiers.newTierName')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button--small button--primary" disabled={busy}>
        {t('tiers.create')}
      </button>
      <button type="button" className="button--small" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      <ErrorAlert>{error}</ErrorAlert>
    </form>
  )
}
