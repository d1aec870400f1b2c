import { useT } from '@renderer/lib/i18n'

export function Welcome({ count, readOnly, onNew }: { count: number; readOnly: boolean; onNew: () => void }) {
  const t = useT()
  return (
    <div className="empty-state empty-state--page">
      <h1>{count ? t('welcome.choose') : t('welcome.empty')}</h1>
      <p className="muted">{count ? t('welcome.chooseHint') : t('welcome.emptyHint')}</p>
      {!readOnly && (
        <button type="button" className="button--primary" onClick={onNew}>
          {t('cases.new')}
        </button>
      )}
    </div>
  )
}
