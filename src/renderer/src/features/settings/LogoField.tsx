import { useEffect, useState } from 'react'
import type { WorkspaceSettings } from '@shared/domain'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

interface Props {
  settings: WorkspaceSettings
  disabled?: boolean
  onSettings: (s: WorkspaceSettings) => void
}

/** The letterhead's logo: shown as it is, chosen from a file (PNG or JPEG), or removed. */
export function LogoField({ settings, disabled, onSettings }: Props) {
  const t = useT()
  const [url, setUrl] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const sha = settings.organisation.logo?.sha256

  useEffect(() => {
    let stale = false
    if (!sha) return setUrl(null)
    call('settings:logoUrl', {})
      .then((r) => !stale && setUrl(r.url))
      .catch(() => !stale && setUrl(null))
    return () => {
      stale = true
    }
  }, [sha])

  const run = async (what: 'choose' | 'remove') => {
    setBusy(true)
    setError('')
    try {
      const next = what === 'choose' ? await call('settings:chooseLogo', {}) : await call('settings:removeLogo', {})
      if (next) onSettings(next)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field logo-field">
      <span className="logo-field__label">{t('org.logo')}</span>
      <div className="logo-field__box">
        {url ? (
          <img src={url} alt={t('org.logoAlt')} className="logo-field__image" />
        ) : (
          <span className="muted">{sha ? t('org.logoSet') : t('org.noLogo')}</span>
        )}
      </div>
      <div className="input-row">
        <button type="button" disabled={disabled || busy} onClick={() => void run('choose')}>
          {sha ? t('org.replaceLogo') : t('org.chooseLogo')}
        </button>
        {sha && (
          <button type="button" disabled={disabled || busy} onClick={() => void run('remove')}>
            {t('org.removeLogo')}
          </button>
        )}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
    </div>
  )
}
