/**
 * Case bundles in the window: send the open case as a signed .casefile (leaving
 * out what must not travel), receive one (who signed it, whether the key is
 * trusted here, what it holds, and what to do when the case is already here),
 * and the keys this workspace knows. Main shows the file dialogs; the page never
 * sees a path, only a ticket for the file chosen.
 */
import { useEffect, useId, useState } from 'react'
import {
  groupFingerprint,
  type BundleExportResult,
  type BundleImportResult,
  type BundleInspection,
  type EvidenceItem,
  type KeyList,
  type OnClash,
} from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call, onAppEvent } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'

interface Props {
  /** The case shown now, offered for export. */
  caseId: string | null
  onClose: () => void
  /** After an import: the case list changed; `caseId` is the case that arrived. */
  onImported: (caseId: string) => Promise<void> | void
}

const TRUST_TEXT = {
  known: 'trust.known',
  new: 'trust.new',
  invalid: 'trust.invalid',
} as const satisfies Record<BundleInspection['signer']['trust'], string>

type Phase = 'export' | 'inspect' | 'import'

let taskCounter = 0
const newTaskId = (what: string) => `bundle-${what}-${Date.now()}-${++taskCounter}`

/** Progress of one running task, from main's `progress` pushes. */
function useTask() {
  const [task, setTask] = useState<{ id: string; phase: Phase; done: number; total: number } | null>(null)
  useEffect(() => {
    if (!task) return
    return onAppEvent('progress', (p) => {
      // Main's label is English; the phase is named here in the window's language.
      if (p.taskId === task.id) setTask((t) => (t && t.id === p.taskId ? { ...t, done: p.done, total: p.total } : t))
    })
  }, [task?.id])
  return {
    task,
    async run<T>(phase: Phase, fn: (taskId: string) => Promise<T>): Promise<T> {
      const id = newTaskId(phase)
      setTask({ id, phase, done: 0, total: 0 })
      try {
        return await fn(id)
      } finally {
        setTask(null)
      }
    },
    cancel: () => task && void call('tasks:cancel', { taskId: task.id }),
  }
}

function Progress({ task, onCancel }: { task: ReturnType<typeof useTask>['task']; onCancel: () => void }) {
  const t = useT('bundles')
  if (!task) return null
  return (
    <p className="bundle-progress" role="status">
      {task.total ? t(`phase.${task.phase}`) : t('working')} <progress max={task.total || 1} value={task.done} />{' '}
      <button type="button" className="button--small" onClick={onCancel}>
        {t('cancel')}
      </button>
    </p>
  )
}

function SendSection({ caseId }: { caseId: string }) {
  const [items, setItems] = useState<EvidenceItem[] | null>(null)
  const [leaveOut, setLeaveOut] = useState<Set<string>>(new Set())
  const [result, setResult] = useState<BundleExportResult | null>(null)
  const [error, setError] = useState('')
  const t = useTask()
  const tr = useT('bundles')
  useEffect(() => {
    void call('cases:get', { caseId }).then(
      (d) => setItems(d.evidence),
      (e) => setError(messageOf(e)),
    )
  }, [caseId])
  const toggle = (id: string) =>
    setLeaveOut((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const send = async () => {
    setError('')
    setResult(null)
    try {
      const r = await t.run('export', (taskId) => call('bundles:export', { caseId, leaveOut: [...leaveOut], taskId }))
      if (r.result) setResult(r.result)
    } catch (e) {
      setError(messageOf(e))
    }
  }
  return (
    <section aria-labelledby="bundle-send">
      <h3 id="bundle-send">{tr('send.title')}</h3>
      {items && items.length > 0 && (
        <fieldset className="bundle-leave-out">
          <legend>{tr('send.leaveOut')}</legend>
          {items.map((e) => (
            <label key={e.id} className="checkbox">
              <input type="checkbox" checked={leaveOut.has(e.id)} onChange={() => toggle(e.id)} /> {e.title}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="button--primary" disabled={!!t.task} onClick={() => void send()}>
        {tr('send.export')}
      </button>
      <Progress task={t.task} onCancel={t.cancel} />
      {result && (
        <p role="status">
          {tr('send.done', {
            path: result.path,
            items: result.evidence,
            files: result.blobs,
            sha256: result.sha256,
            fingerprint: groupFingerprint(result.fingerprint),
          })}
        </p>
      )}
      <ErrorAlert>{error}</ErrorAlert>
    </section>
  )
}

function ReceiveSection({ onImported }: { onImported: Props['onImported'] }) {
  const [seen, setSeen] = useState<{ ticket: string; inspection: BundleInspection } | null>(null)
  const [onClash, setOnClash] = useState<OnClash>('keep-both')
  const [result, setResult] = useState<BundleImportResult | null>(null)
  const [error, setError] = useState('')
  const t = useTask()
  const tr = useT('bundles')
  const clashName = useId()
  const open = async () => {
    setError('')
    setResult(null)
    setSeen(null)
    try {
      const r = await t.run('inspect', (taskId) => call('bundles:inspect', { taskId }))
      if (r.ticket && r.inspection) setSeen({ ticket: r.ticket, inspection: r.inspection })
    } catch (e) {
      setError(messageOf(e))
    }
  }
  const importIt = async () => {
    if (!seen) return
    setError('')
    try {
      const r = await t.run('import', (taskId) =>
        call('bundles:import', {
          ticket: seen.ticket,
          taskId,
          ...(seen.inspection.clash ? { onClash } : {}),
        }),
      )
      setResult(r)
      setSeen(null)
      await onImported(r.caseId)
    } catch (e) {
      setError(messageOf(e))
    }
  }
  const i = seen?.inspection
  return (
    <section aria-labelledby="bundle-receive">
      <h3 id="bundle-receive">{tr('receive.title')}</h3>
      <button type="button" disabled={!!t.task} onClick={() => void open()}>
        {tr('receive.open')}
      </button>
      <Progress task={t.task} onCancel={t.cancel} />
      {i && (
        <div className="bundle-inspection">
          <p>
            <strong>{i.case.reference ? `${i.case.reference}: ` : ''}</strong>
            {i.case.title} [{i.case.classification}]
          </p>
          <p>
            {tr('receive.signedBy', {
              workspace: i.signer.workspace,
              user: i.signer.user,
              fingerprint: groupFingerprint(i.signer.fingerprint),
            })}
          </p>
          <p className={`bundle-trust bundle-trust--${i.signer.trust}`} role="note">
            {tr(TRUST_TEXT[i.signer.trust])}
          </p>
          <p>
            {tr('receive.counts', {
              evidence: i.counts.evidence,
              files: i.counts.blobs,
              briefings: i.counts.briefings,
              statutes: i.counts.statutes,
              sha256: i.bundleSha256,
            })}
          </p>
          {i.leftOut.length > 0 && (
            <p>{tr('receive.leftOut', { list: i.leftOut.map((l) => `${l.evidenceId} (${l.kind})`).join(', ') })}</p>
          )}
          {i.clash && (
            <fieldset>
              <legend>{tr('receive.clash', { title: i.clash.title })}</legend>
              <label className="radio">
                <input
                  type="radio"
                  name={clashName}
                  checked={onClash === 'keep-both'}
                  onChange={() => setOnClash('keep-both')}
                />{' '}
                {tr('receive.keepBoth')}
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name={clashName}
                  checked={onClash === 'replace'}
                  onChange={() => setOnClash('replace')}
                />{' '}
                {tr('receive.replace')}
              </label>
            </fieldset>
          )}
          {i.signer.trust !== 'invalid' && (
            <button type="button" className="button--primary" disabled={!!t.task} onClick={() => void importIt()}>
              {tr('receive.import')}
            </button>
          )}
        </div>
      )}
      {result && (
        <p role="status">
          {tr('receive.done', {
            title: result.title,
            items: result.counts.evidence,
            present: result.blobsAlreadyPresent,
          })}
          {result.trashedTo ? ` ${tr('receive.replaced', { path: result.trashedTo })}` : ''}
        </p>
      )}
      <ErrorAlert>{error}</ErrorAlert>
    </section>
  )
}

function KeysSection() {
  const [keys, setKeys] = useState<KeyList | null>(null)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState('')
  const fieldId = useId()
  const tr = useT('bundles')
  const load = () =>
    call('keys:list', {}).then(
      (k) => setKeys(k),
      (e) => setError(messageOf(e)),
    )
  useEffect(() => void load(), [])
  const act = async (fn: () => Promise<unknown>) => {
    setError('')
    try {
      await fn()
      await load()
    } catch (e) {
      setError(messageOf(e))
    }
  }
  return (
    <section aria-labelledby="bundle-keys">
      <h3 id="bundle-keys">{tr('keys.title')}</h3>
      {keys && (
        <>
          <p>{tr('keys.own', { fingerprint: groupFingerprint(keys.own.fingerprint) })}</p>
          <ul className="bundle-keys">
            {keys.keys.map((k) => (
              <li key={k.fingerprint}>
                <code translate="no">{groupFingerprint(k.fingerprint)}</code>{' '}
                {k.trusted ? tr('keys.trusted') : tr('keys.seen')}
                {k.workspace ? ` — “${k.workspace}”` : ''}{' '}
                {!k.trusted && (
                  <button
                    type="button"
                    className="button--small"
                    onClick={() => void act(() => call('keys:trust', { fingerprint: k.fingerprint }))}
                  >
                    {tr('keys.trust')}
                  </button>
                )}{' '}
                <button
                  type="button"
                  className="button--small"
                  onClick={() => void act(() => call('keys:remove', { fingerprint: k.fingerprint }))}
                >
                  {tr('keys.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor={fieldId}>{tr('keys.byFingerprint')}</label>
        <input id={fieldId} value={typed} spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <button
        type="button"
        disabled={!typed.trim()}
        onClick={() => void act(() => call('keys:trust', { fingerprint: typed }).then(() => setTyped('')))}
      >
        {tr('keys.trust')}
      </button>
      <ErrorAlert>{error}</ErrorAlert>
    </section>
  )
}

export function BundlesDialog({ caseId, onClose, onImported }: Props) {
  const t = useT('bundles')
  return (
    <Dialog title={t('title')} onClose={onClose} className="dialog--wide">
      <div className="bundles">
        {caseId && <SendSection caseId={caseId} />}
        <ReceiveSection onImported={onImported} />
        <KeysSection />
      </div>
    </Dialog>
  )
}
