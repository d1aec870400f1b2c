/**
 * jsdom lacks the layout APIs ProseMirror calls when it scrolls a selection into
 * view or maps coordinates. Stub only those browser APIs, nothing of ours.
 */
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
const zeroRect = () =>
  ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect

if (!Range.prototype.getClientRects) Range.prototype.getClientRects = emptyRects
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = zeroRect
if (!document.elementFromPoint) document.elementFromPoint = () => null
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined
