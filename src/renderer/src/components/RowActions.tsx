export interface RowAction {
  label: string
  /** The accessible name, naming the row's item ("Edit VCCR art. 31"). */
  name: string
  onClick: () => void
  danger?: boolean
  disabled?: boolean
}

/** A row's buttons (Edit, Remove…), as links or small buttons. */
export function RowActions({ actions, look = 'link' }: { actions: RowAction[]; look?: 'link' | 'small' }) {
  return (
    <>
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          className={`button--${look}${a.danger ? ' button--link-danger' : ''}`}
          disabled={a.disabled}
          onClick={a.onClick}
          aria-label={a.name}
        >
          {a.label}
        </button>
      ))}
    </>
  )
}
