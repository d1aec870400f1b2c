import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave, type SaveState } from '@renderer/components/useAutosave'

const deferred = () => {
  let resolve!: (v?: unknown) => void
  let reject!: (e: unknown) => void
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(cleanup)

describe('useAutosave', () => {
  it('waits for a quiet spell, saves the latest value once, then reports saved', async () => {
    const save = vi.fn(async (_v: string) => undefined)
    const { result } = renderHook(() => useAutosave(save, { delay: 30 }))
    expect(result.current.state.status).toBe('idle')

    act(() => {
      result.current.change('a')
      result.current.change('ab')
      result.current.change('abc')
    })
    expect(result.current.state.status).toBe('pending')
    await waitFor(() => expect(result.current.state.status).toBe('saved'))
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('abc')
  })

  it('shows saving while the save is in flight', async () => {
    const d = deferred()
    const { result } = renderHook(() => useAutosave(() => d.promise, { delay: 10 }))
    act(() => result.current.change('x'))
    await waitFor(() => expect(result.current.state.status).toBe('saving'))
    await act(async () => d.resolve())
    expect(result.current.state.status).toBe('saved')
  })

  it('reports a failure with its message, and the next edit retries', async () => {
    const save = vi
      .fn<(v: string) => Promise<unknown>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', message: 'title: a case needs a title' } })
      .mockRejectedValueOnce(new Error('disk full'))
      .mockResolvedValue({ ok: true, value: null })
    const { result } = renderHook(() => useAutosave(save, { delay: 10 }))

    act(() => result.current.change(''))
    await waitFor(() =>
      expect(result.current.state).toEqual({ status: 'error', message: 'title: a case needs a title' }),
    )

    act(() => result.current.change('T'))
    // The error stays visible until the retry starts.
    expect(result.current.state.status).toBe('error')
    await waitFor(() => expect(result.current.state).toEqual({ status: 'error', message: 'disk full' }))

    act(() => result.current.change('Title'))
    await waitFor(() => expect(result.current.state.status).toBe('saved'))
    expect(save.mock.calls.map((c) => c[0])).toEqual(['', 'T', 'Title'])
  })

  it('flush saves at once, and edits made during a save are saved after it, in order', async () => {
    const first = deferred()
    const seen: string[] = []
    const save = vi.fn(async (v: string) => {
      seen.push(v)
      if (v === 'one') await first.promise
    })
    const { result } = renderHook(() => useAutosave(save, { delay: 10_000 }))
    act(() => result.current.change('one'))
    let flushed!: Promise<void>
    act(() => {
      flushed = result.current.flush()
    })
    act(() => result.current.change('two'))
    act(() => void result.current.flush())
    await act(async () => {
      first.resolve()
      await flushed
    })
    await waitFor(() => expect(result.current.state.status).toBe('saved'))
    expect(seen).toEqual(['one', 'two'])
  })

  it('saves a waiting edit when the form goes away', async () => {
    const save = vi.fn(async (_v: string) => undefined)
    const { result, unmount } = renderHook(() => useAutosave(save, { delay: 10_000 }))
    act(() => result.current.change('last words'))
    unmount()
    await waitFor(() => expect(save).toHaveBeenCalledWith('last words'))
  })
})

describe('SaveStatus', () => {
  const cases: [SaveState, string][] = [
    [{ status: 'idle' }, ''],
    [{ status: 'pending' }, 'Saving…'],
    [{ status: 'saving' }, 'Saving…'],
    [{ status: 'saved' }, 'Saved'],
    [{ status: 'error', message: 'disk full' }, 'Save failed: disk full'],
  ]
  it.each(cases)('shows %o as %j', (state, text) => {
    render(<SaveStatus state={state} />)
    expect(screen.getByRole('status').textContent).toBe(text)
  })
})
