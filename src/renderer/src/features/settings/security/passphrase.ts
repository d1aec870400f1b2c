import { PASSPHRASE_MIN_LENGTH } from '@shared/domain'
import type { MessageKey } from '@shared/i18n'

export interface FieldProblem {
  field: 'next' | 'confirm'
  key: MessageKey<'ui'>
}

/**
 * What is wrong with a new passphrase and its confirmation, before main is asked: main checks the length
 * again (in characters, as here, not UTF-16 units), so the window's rule is the same one.
 */
export function newPassphraseProblem(next: string, confirm: string): FieldProblem | null {
  if (!next) return { field: 'next', key: 'security.error.passphraseEmpty' }
  if ([...next].length < PASSPHRASE_MIN_LENGTH) return { field: 'next', key: 'security.error.passphraseShort' }
  if (!confirm) return { field: 'confirm', key: 'security.error.confirmEmpty' }
  if (confirm !== next) return { field: 'confirm', key: 'security.error.mismatch' }
  return null
}

export { PASSPHRASE_MIN_LENGTH }
