import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Annotation, AnnotationTarget, CaseDetail, EvidenceItem } from '@shared/domain'
import type { AnnotationInput, AnnotationPatch } from '@shared/domain'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { evidenceApi } from '../api'
import { MediaPlayer } from '../media/MediaPlayer'
import { RegionImage, type Region } from '../media/RegionImage'
import { AnnotationEditor } from './AnnotationEditor'
import { AnnotationList } from './AnnotationList'
import { roundTime, sortAnnotations, targetTypeFor, withEnd, withStart } from './model'
import { PageForm } from './PageForm'
import { useStackedOffset } from './useStackedOffset'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useT } from '@renderer/lib/i18n'
import { ApiError, errorMessage } from '@renderer/lib/api'
import { messageOf } from '@shared/ipc/result'
import { lanesOf, tierNames } from '../tiers/laneModel'
import { TierLanes } from '../tiers/TierLanes'
import { useSpanEdits } from '../tiers/useSpanEdits'
import { ExhibitTools } from '../derived/ExhibitTools'

/** The item's file (player, image or nothing) beside its annotations and the selected one's editor. */
export function AnnotationsPane({
  caseId,
  item,
  detail,
  onItemSaved,
  playbackRate,
  onPlaybackRate,
}: {
  caseId: string
  item: EvidenceItem
  detail: CaseDetail
  /** The item after a change made here (a new tier), so the screen around it can refresh. */
  onItemSaved?: (item: EvidenceItem) => void
  /** The speed chosen while the item is open, kept by the caller across its sections. */
  playbackRate?: number
  onPlaybackRate?: (rate: number) => void
}) {
  const t = useT('evidence')
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [created, setCreated] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [src, setSrc] = useState<string | null>(null)
  const [removing, setRemoving] = useState<Annotation | null>(null)
  const mediaRef = useRef<HTMLMediaElement | null>(null)
  const pane = useRef<HTMLDivElement>(null)
  useStackedOffset(pane)
  const playerArea = () => mediaRef.current?.closest<HTMLElement>('[data-testid="player-area"]')
  const type = targetTypeFor(item.kind, item.file?.mediaType)
  const evidenceId = item.id

  useEffect(() => {
    let live = true
    evidenceApi
      .listAnnotations(caseId, evidenceId)
      .then((list) => live && setAnnotations(list))
      .catch((e) => live && setError(t('annotations.loadFailed', { message: messageOf(e) })))
    return () => {
      live = false
    }
  }, [caseId, evidenceId, t])

  const hasFile = Boolean(item.file)
  // Documents are never shown in the window (the CSP forbids frames), so they need no URL.
  const showsFile = hasFile && type !== 'page'
  useEffect(() => {
    if (!showsFile) return setSrc(null)
    let live = true
    evidenceApi
      .blobUrl(caseId, evidenceId)
      .then((b) => live && setSrc(b.url))
      .catch((e) => live && setError(t('annotations.fileFailed', { message: messageOf(e) })))
    return () => {
      live = false
    }
  }, [caseId, evidenceId, showsFile, t])

  const replace = (a: Annotation) => setAnnotations((list) => (list ?? []).map((x) => (x.id === a.id ? a : x)))
  const saveAnnotation = async (id: string, patch: AnnotationPatch) => {
    const result = await evidenceApi.updateAnnotation(caseId, evidenceId, id, patch)
    if (result.ok) replace(result.value)
    return result
  }
  // Edge moves made in the tier lanes, shown before they are saved.
  const edits = useSpanEdits(annotations ?? [], saveAnnotation)
  const { drop } = edits
  const sorted = useMemo(() => sortAnnotations(edits.shown), [edits.shown])
  const selected = sorted.find((a) => a.id === selectedId) ?? null

  // The item's tier list as last saved here (the item prop catches up after the screen reloads).
  const [itemTiers, setItemTiers] = useState(item.tiers)
  useEffect(() => setItemTiers(item.tiers), [item.tiers])
  const tiers = useMemo(() => tierNames(sorted, itemTiers), [sorted, itemTiers])
  const lanes = useMemo(() => lanesOf(sorted, itemTiers), [sorted, itemTiers])
  const createTier = async (name: string) => {
    // The order the lanes show now is kept, and the new tier goes last.
    const result = await evidenceApi.update(caseId, evidenceId, { tiers: [...tiers, name] })
    if (!result.ok) throw new ApiError(result.error)
    setItemTiers(result.value.tiers)
    onItemSaved?.(result.value)
  }

  const add = useCallback(
    async (target: AnnotationInput['target']) => {
      setError('')
      try {
        const a = await evidenceApi.addAnnotation(caseId, evidenceId, {
          target,
          text: '',
          tags: [],
          eventIds: [],
          statuteIds: [],
        })
        setAnnotations((list) => [...(list ?? []), a])
        setSelectedId(a.id)
        setCreated(a.id)
      } catch (e) {
        setError(t('annotations.addFailed', { message: messageOf(e) }))
      }
    },
    [caseId, evidenceId, t],
  )

  const setTarget = useCallback(
    async (a: Annotation, target: AnnotationTarget) => {
      setError('')
      drop(a.id)
      replace({ ...a, target })
      const result = await evidenceApi.updateAnnotation(caseId, evidenceId, a.id, { target })
      if (result.ok) replace(result.value)
      else {
        replace(a)
        setError(t('annotations.positionFailed', { message: errorMessage(result.error) }))
      }
    },
    [caseId, evidenceId, t, drop],
  )

  const actions = useMemo(
    () => ({
      addAt: (t: number) => void add({ type: 'time', start: roundTime(t), end: roundTime(t) }),
      setStart: (t: number) =>
        selected?.target.type === 'time' && void setTarget(selected, withStart(selected.target, t)),
      setEnd: (t: number) => selected?.target.type === 'time' && void setTarget(selected, withEnd(selected.target, t)),
    }),
    [add, selected, setTarget],
  )

  const open = (a: Annotation) => {
    setSelectedId(a.id)
    setCreated(null)
    if (a.target.type === 'time' && mediaRef.current) mediaRef.current.currentTime = a.target.start
  }

  const isAudio = item.kind === 'audio' || Boolean(item.file?.mediaType.startsWith('audio/'))
  const media =
    type === 'time' ? (
      src ? (
        <MediaPlayer
          src={src}
          kind={isAudio ? 'audio' : 'video'}
          mediaRef={mediaRef}
          actions={actions}
          hasSelection={selected?.target.type === 'time'}
          initialRate={playbackRate}
          onRate={onPlaybackRate}
          below={({ frame, onKey }) => (
            <TierLanes
              lanes={lanes}
              mediaRef={mediaRef}
              step={isAudio ? 0.1 : frame}
              selectedId={selectedId}
              saveState={edits.state}
              tiers={tiers}
              onOpen={(id) => {
                const a = sorted.find((x) => x.id === id)
                if (a) open(a)
              }}
              onEdit={edits.edit}
              onCommit={() => void edits.flush()}
              onCreateTier={createTier}
              onPlayerKey={onKey}
            />
          )}
          marks={sorted.flatMap((a) =>
            a.target.type === 'time'
              ? [{ id: a.id, start: a.target.start, end: a.target.end, text: a.text, selected: a.id === selectedId }]
              : [],
          )}
          onMark={(id) => {
            const a = sorted.find((x) => x.id === id)
            if (a) open(a)
          }}
        />
      ) : (
        <div className="ev-nofile">
          <p className="muted">{hasFile ? t('annotations.opening') : t('annotations.noFileTime')}</p>
          {!hasFile && (
            <button type="button" onClick={() => actions.addAt(0)}>
              {t('annotations.addTime')}
            </button>
          )}
        </div>
      )
    ) : type === 'region' ? (
      src ? (
        <>
          <RegionImage
            src={src}
            alt={item.title}
            annotations={sorted}
            selectedId={selectedId}
            onSelect={(id) => setSelectedId(id)}
            onDraw={(r: Region) => void add({ type: 'region', ...r })}
          />
          <button type="button" onClick={() => void add({ type: 'region', x: 0.25, y: 0.25, width: 0.5, height: 0.5 })}>
            {t('annotations.addRegion')}
          </button>
        </>
      ) : (
        <p className="muted">{hasFile ? t('annotations.openingImage') : t('annotations.noImage')}</p>
      )
    ) : (
      <PageForm onAdd={(page, quote) => add({ type: 'page', page, quote })} />
    )

  return (
    <div ref={pane} className={`ev-pane ev-pane--${type}`}>
      <div className="ev-pane__media">{media}</div>
      <div className="ev-pane__side">
        <h3 className="ev-pane__title">{t('annotations.heading', { count: sorted.length })}</h3>
        <ErrorAlert>{error}</ErrorAlert>
        {annotations === null ? (
          <p className="muted">{t('annotations.loading')}</p>
        ) : (
          <AnnotationList
            annotations={sorted}
            selectedId={selectedId}
            onSelect={(a) => setSelectedId(a.id)}
            onOpen={open}
          />
        )}
        {type === 'time' && src && (
          <ExhibitTools
            caseId={caseId}
            item={item}
            mediaRef={mediaRef}
            selected={selected}
            tiers={tiers}
            onCreated={(made) => onItemSaved?.(made)}
            onImported={(added) => setAnnotations((list) => [...(list ?? []), ...added])}
          />
        )}
        {selected && (
          <AnnotationEditor
            key={selected.id}
            annotation={selected}
            detail={detail}
            autoFocus={created === selected.id}
            save={(patch: AnnotationPatch) => saveAnnotation(selected.id, patch)}
            tiers={type === 'time' ? tiers : undefined}
            onCreateTier={type === 'time' ? createTier : undefined}
            onTarget={(t) => void setTarget(selected, t)}
            onRemove={() => setRemoving(selected)}
            onEscape={type === 'time' && src ? () => playerArea()?.focus() : undefined}
          />
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('annotation.deleteTitle')}
          message={t('annotation.deleteMessage')}
          confirmLabel={t('annotation.delete')}
          onConfirm={async () => {
            await evidenceApi.removeAnnotation(caseId, evidenceId, removing.id)
            setAnnotations((list) => (list ?? []).filter((x) => x.id !== removing.id))
            setSelectedId(null)
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  )
}
