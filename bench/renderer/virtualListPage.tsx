/** A bare page rendering VirtualList with 10,000 rows; marks when the first rows are on screen. */
import { createRoot } from 'react-dom/client'
import { VirtualList } from '@renderer/components/VirtualList'

declare global {
  interface Window {
    __firstRows?: number
  }
}

const rows = Array.from({ length: 10_000 }, (_, i) => ({
  id: `row-${i}`,
  title: `Evidence item ${i}`,
  detail:
    i % 3
      ? 'Vídeo de la cancillería, verificación pendiente'
      : 'Press report on the consulate incident, partially verified, with a longer second line of text',
}))

function App() {
  return (
    <VirtualList
      items={rows}
      getKey={(r) => r.id}
      label="Rows"
      height="100vh"
      renderItem={(r) => (
        <div style={{ padding: '6px 10px', borderBottom: '1px solid #ddd' }}>
          <strong>{r.title}</strong>
          <div>{r.detail}</div>
        </div>
      )}
    />
  )
}

createRoot(document.getElementById('root')!).render(<App />)
// Two frames after the commit: the rows have been laid out and painted.
const check = () => {
  if (document.querySelector('[role="option"]'))
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__firstRows = performance.now())))
  else requestAnimationFrame(check)
}
requestAnimationFrame(check)
