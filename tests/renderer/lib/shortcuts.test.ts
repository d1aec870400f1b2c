import { afterEach, describe, expect, it, vi } from 'vitest'
import { comboOf, isTyping, onGlobalShortcut, ownsKeys } from '@renderer/lib/shortcuts'

const press = (target: EventTarget, init: KeyboardEventInit) => {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(e)
  return e
}

describe('shortcuts', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('names combinations one way', () => {
    expect(comboOf({ key: 'k', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe('mod+k')
    expect(comboOf({ key: 'K', ctrlKey: false, metaKey: true, altKey: false, shiftKey: true })).toBe('mod+shift+k')
    expect(comboOf({ key: '?', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe('?')
    expect(comboOf({ key: 'Z', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe('mod+shift+z')
  })

  it('knows where a person types', () => {
    const input = document.createElement('input')
    const box = document.createElement('input')
    box.type = 'checkbox'
    const div = document.createElement('div')
    div.contentEditable = 'true'
    expect(isTyping(input)).toBe(true)
    expect(isTyping(box)).toBe(false)
    expect(isTyping(document.createElement('textarea'))).toBe(true)
    expect(isTyping(document.createElement('button'))).toBe(false)
    // jsdom does not compute isContentEditable; the attribute is what the editor sets.
    Object.defineProperty(div, 'isContentEditable', { value: true })
    expect(isTyping(div)).toBe(true)
  })

  it('leaves a combination to the place that owns it or handled it', () => {
    const run = vi.fn()
    const off = onGlobalShortcut('mod+k', run, { inFields: true })
    const plain = document.createElement('button')
    const editor = document.createElement('div')
    Object.entries(ownsKeys('mod+k', 'mod+b')).forEach(([k, v]) => editor.setAttribute(k, v))
    const inner = document.createElement('p')
    editor.append(inner)
    const handled = document.createElement('span')
    handled.addEventListener('keydown', (e) => e.preventDefault())
    document.body.append(plain, editor, handled)

    const e = press(plain, { key: 'k', ctrlKey: true })
    expect(run).toHaveBeenCalledTimes(1)
    expect(e.defaultPrevented).toBe(true)
    press(inner, { key: 'k', ctrlKey: true })
    press(handled, { key: 'k', ctrlKey: true })
    expect(run).toHaveBeenCalledTimes(1)
    off()
    press(plain, { key: 'k', ctrlKey: true })
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('stays out of text fields unless asked', () => {
    const run = vi.fn()
    const off = onGlobalShortcut('mod+z', run)
    const input = document.createElement('input')
    document.body.append(input)
    const e = press(input, { key: 'z', ctrlKey: true })
    expect(run).not.toHaveBeenCalled()
    expect(e.defaultPrevented).toBe(false)
    press(document.body, { key: 'z', ctrlKey: true })
    expect(run).toHaveBeenCalledTimes(1)
    off()
  })
})
