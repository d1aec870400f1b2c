import type { CustodyEntry } from '@shared/domain'
import { isoMinute } from '../format'

/** The chain of custody, oldest first, as recorded by main: nobody edits it here. */
export function CustodyTable({ entries }: { entries: CustodyEntry[] }) {
  if (!entries.length) return <p className="muted">No custody entries.</p>
  return (
    <table className="ev-custody">
      <caption className="visually-hidden">Chain of custody</caption>
      <colgroup>
        <col className="ev-custody__when" />
        <col className="ev-custody__who" />
        <col className="ev-custody__action" />
        <col className="ev-custody__hash" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Hash</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={i} className={e.action === 'hash mismatch' ? 'ev-custody--bad' : undefined}>
            <td className="nowrap">{isoMinute(e.at).replace(' UTC', '')}</td>
            <td>{e.actor}</td>
            <td>{e.action}</td>
            <td className="mono small" title={e.sha256}>
              {e.sha256 ? `${e.sha256.slice(0, 12)}…` : ''}
            </td>
            <td>{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
