import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Dialog } from '@renderer/components/Dialog'

afterEach(cleanup)

function Form({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('')
  return (
    <Dialog title="Add excerpt" onClose={onClose}>
      <textarea aria-label="Text" value={text} onChange={(e) => setText(e.target.value)} />
    </Dialog>
  )
}

const backdrop = () => document.querySelector('.dialog-backdrop')!

describe('Dialog', () => {
  it('closes on a click outside while nothing was typed in it', () => {
    const onClose = vi.fn()
    render(<Form onClose={onClose} />)
    fireEvent.mouseDown(screen.getByRole('dialog'))
    expect(onClose).not.toHaveBeenCalled()
    fireEvent.mouseDown(backdrop())
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('keeps what was typed: a click outside no longer closes it, Escape and × still do', () => {
    const onClose = vi.fn()
    render(<Form onClose={onClose} />)
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'Article 31, paragraph 2 …' } })
    fireEvent.mouseDown(backdrop())
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Text')).toHaveProperty('value', 'Article 31, paragraph 2 …')
    fireEvent.keyDown(screen.getByLabelText('Text'), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByRole('button', { name: /close/i }))
    expect(onClose).toHaveBeenCalledTimes(2)
  })

  it('never closes on the backdrop when told so', () => {
    const onClose = vi.fn()
    render(
      <Dialog title="Recovery key" onClose={onClose} closeOnBackdrop={false}>
        <p>Write it down.</p>
      </Dialog>,
    )
    fireEvent.mouseDown(backdrop())
    expect(onClose).not.toHaveBeenCalled()
  })
})
