/**
 * jsdom lays nothing out, so a virtual list would see a 0-px viewport and draw
 * no rows. Give list viewports 600 px and rows 44 px, as a browser would.
 */
import { afterAll, beforeAll, vi } from 'vitest'

export function stubListLayout() {
  beforeAll(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const height = this.getAttribute('role') === 'listbox' ? 600 : 44
      return {
        width: 800,
        height,
        top: 0,
        left: 0,
        bottom: height,
        right: 800,
        x: 0,
        y: 0,
        toJSON: () => ({}),
      } as DOMRect
    })
    // TanStack Virtual reads the viewport from clientHeight and each row from offsetHeight.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 600 : 44
    })
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 600 : 44
    })
  })
  afterAll(() => vi.restoreAllMocks())
}
