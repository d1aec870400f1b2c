import type { ReactNode } from 'react'

/** An error a person must see, announced to screen readers; nothing when there is no error. */
export function ErrorAlert({ children, id, className }: { children: ReactNode; id?: string; className?: string }) {
  if (!children) return null
  return (
    <p id={id} className={className ? `form-error ${className}` : 'form-error'} role="alert">
      {children}
    </p>
  )
}
