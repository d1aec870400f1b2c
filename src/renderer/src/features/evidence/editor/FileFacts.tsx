import { useState } from 'react'
import type { BlobRef } from '@shared/domain'
import { formatBytes } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'

/** The stored file's facts: read-only, because they are what custody rests on. */
export function FileFacts({ file, onOpen }: { file?: BlobRef; onOpen?: () => void }) {
  const t = useT('evidence')
  const lang = useLanguage()
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  if (!file) return <p className="muted">{t('file.none')}</p>
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(file.sha256)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
    setTimeout(() => setCopied('idle'), 2000)
  }
  return (
    <dl className="ev-facts">
      <dt>{t('file.name')}</dt>
      <dd className="mono">{file.originalName}</dd>
      <dt>{t('file.size')}</dt>
      <dd>
        {t('file.sizeValue', {
          size: formatBytes(file.size, lang),
          count: file.size,
        })}
      </dd>
      <dt>{t('file.type')}</dt>
      <dd className="mono">{file.mediaType || t('file.typeUnknown')}</dd>
      <dt>SHA-256</dt>
      <dd className="ev-facts__hash">
        <code className="mono ev-facts__sha" data-testid="sha256">
          {file.sha256}
        </code>
        <button type="button" onClick={copy} aria-label={t('file.copyHash')}>
          {copied === 'copied' ? t('file.copied') : copied === 'failed' ? t('file.copyFailed') : t('file.copy')}
        </button>
        {onOpen && (
          <button type="button" onClick={onOpen}>
            {t('file.open')}
          </button>
        )}
      </dd>
    </dl>
  )
}
