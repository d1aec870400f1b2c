import { useState } from 'react'
import type { BlobRef } from '@shared/domain'
import { formatBytes } from '../format'

/** The stored file's facts: read-only, because they are what custody rests on. */
export function FileFacts({ file, onOpen }: { file?: BlobRef; onOpen?: () => void }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  if (!file) return <p className="muted">No file is stored for this item: it is a reference only.</p>
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
      <dt>Original file name</dt>
      <dd className="mono">{file.originalName}</dd>
      <dt>Size</dt>
      <dd>{formatBytes(file.size)}</dd>
      <dt>Media type</dt>
      <dd className="mono">{file.mediaType || 'unknown'}</dd>
      <dt>SHA-256</dt>
      <dd className="ev-facts__hash">
        <code className="mono ev-facts__sha" data-testid="sha256">
          {file.sha256}
        </code>
        <button type="button" onClick={copy} aria-label="Copy SHA-256">
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
        {onOpen && (
          <button type="button" onClick={onOpen}>
            Open file
          </button>
        )}
      </dd>
    </dl>
  )
}
