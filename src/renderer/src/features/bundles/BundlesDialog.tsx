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

interface Props {
  /** The case shown now, offered for export. */
  caseId: string | null
  onClose: () => void
  /** After an import: the case list changed; `caseId` is the case that arrived. */
  onImported: (caseId: string) => Promise<void> | void
}

const TRUST_TEXT: Record<BundleInspection['signer']['trust'], string> = {
  known: 'Known key: trusted in this workspace before.',
  new: 'New key: never trusted here. Compare the fingerprint with the sender (by phone, in person) before relying on it.',
  invalid:
    'The signature fails: the bundle was changed after signing, or not signed by the key it names. It cannot be imported.',
}

let taskCounter = 0
const newTaskId = (what: string) => `bundle-${what}-${Date.now()}-${++taskCounter}`

/** Progress of one running task, from main's `progress` pushes. */
function useTask() {
  const [task, setTask] = useState<{ id: string; label: string; done: number; total: number } | null>(null)
  useEffect(() => {
    if (!task) return
    return onAppEvent('progress', (p) => {
      if (p.taskId === task.id) setTask((t) => (t && t.id === p.taskId ? { ...t, ...p } : t))
    })
  }, [task?.id])
  return {
    task,
    async run<T>(what: string, fn: (taskId: string) => Promise<T>): Promise<T> {
      const id = newTaskId(what)
      setTask({ id, label: '', done: 0, total: 0 })
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
  if (!task) return null
  return (
    <p className="bundle-progress" role="status">
      {task.label || 'Working…'} <progress max={task.total || 1} value={task.done} />{' '}
      <button type="button" className="button--small" onClick={onCancel}>
        Cancel
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
      <h3 id="bundle-send">Send this case</h3>
      {items && items.length > 0 && (
        <fieldset className="bundle-leave-out">
          <legend>Leave out (the bundle will say these were left out, by id and kind only)</legend>
          {items.map((e) => (
            <label key={e.id} className="checkbox">
              <input type="checkbox" checked={leaveOut.has(e.id)} onChange={() => toggle(e.id)} /> {e.title}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="button--primary" disabled={!!t.task} onClick={() => void send()}>
        Export bundle…
      </button>
      <Progress task={t.task} onCancel={t.cancel} />
      {result && (
        <p role="status">
          Wrote {result.path} ({result.evidence} item(s), {result.blobs} file(s)). SHA-256 <code>{result.sha256}</code>,
          signed with <code>{groupFingerprint(result.fingerprint)}</code>.
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
      <h3 id="bundle-receive">Receive a bundle</h3>
      <button type="button" disabled={!!t.task} onClick={() => void open()}>
        Open bundle…
      </button>
      <Progress task={t.task} onCancel={t.cancel} />
      {i && (
        <div className="bundle-inspection">
          <p>
            <strong>{i.case.reference ? `${i.case.reference}: ` : ''}</strong>
            {i.case.title} [{i.case.classification}]
          </p>
          <p>
            Signed by “{i.signer.workspace}” (user “{i.signer.user}”), key{' '}
            <code>{groupFingerprint(i.signer.fingerprint)}</code>
          </p>
          <p className={`bundle-trust bundle-trust--${i.signer.trust}`} role="note">
            {TRUST_TEXT[i.signer.trust]}
          </p>
          <p>
            {i.counts.evidence} evidence item(s), {i.counts.blobs} file(s), {i.counts.briefings} briefing(s),{' '}
            {i.counts.statutes} statute excerpt(s). Bundle SHA-256 <code>{i.bundleSha256}</code>
          </p>
          {i.leftOut.length > 0 && (
            <p>The sender left out: {i.leftOut.map((l) => `${l.evidenceId} (${l.kind})`).join(', ')}.</p>
          )}
          {i.clash && (
            <fieldset>
              <legend>This workspace already has “{i.clash.title}”.</legend>
              <label className="radio">
                <input
                  type="radio"
                  name={clashName}
                  checked={onClash === 'keep-both'}
                  onChange={() => setOnClash('keep-both')}
                />{' '}
                Keep both (the arriving case gets new ids)
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name={clashName}
                  checked={onClash === 'replace'}
                  onChange={() => setOnClash('replace')}
                />{' '}
                Replace (the case here goes to the workspace’s trash folder)
              </label>
            </fieldset>
          )}
          {i.signer.trust !== 'invalid' && (
            <button type="button" className="button--primary" disabled={!!t.task} onClick={() => void importIt()}>
              Import
            </button>
          )}
        </div>
      )}
      {result && (
        <p role="status">
          Imported “{result.title}” ({result.counts.evidence} item(s); {result.blobsAlreadyPresent} file(s) were already
          here){result.trashedTo ? `; the case it replaced is in ${result.trashedTo}` : ''}.
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
      <h3 id="bundle-keys">Keys</h3>
      {keys && (
        <>
          <p>
            This workspace signs with <code>{groupFingerprint(keys.own.fingerprint)}</code>
          </p>
          <ul className="bundle-keys">
            {keys.keys.map((k) => (
              <li key={k.fingerprint}>
                <code>{groupFingerprint(k.fingerprint)}</code> {k.trusted ? 'trusted' : 'seen, not trusted'}
                {k.workspace ? ` — “${k.workspace}”` : ''}{' '}
                {!k.trusted && (
                  <button
                    type="button"
                    className="button--small"
                    onClick={() => void act(() => call('keys:trust', { fingerprint: k.fingerprint }))}
                  >
                    Trust
                  </button>
                )}{' '}
                <button
                  type="button"
                  className="button--small"
                  onClick={() => void act(() => call('keys:remove', { fingerprint: k.fingerprint }))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor={fieldId}>Trust a key by its fingerprint</label>
        <input id={fieldId} value={typed} spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <button
        type="button"
        disabled={!typed.trim()}
        onClick={() => void act(() => call('keys:trust', { fingerprint: typed }).then(() => setTyped('')))}
      >
        Trust
      </button>
      <ErrorAlert>{error}</ErrorAlert>
    </section>
  )
}

export function BundlesDialog({ caseId, onClose, onImported }: Props) {
  return (
    <Dialog title="Case bundles" onClose={onClose} className="dialog--wide">
      <div className="bundles">
        {caseId && <SendSection caseId={caseId} />}
        <ReceiveSection onImported={onImported} />
        <KeysSection />
      </div>
    </Dialog>
  )
}
