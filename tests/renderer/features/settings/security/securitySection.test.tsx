import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { EncryptionStatus } from '@shared/domain'
import { SecuritySection } from '@renderer/features/settings/security/SecuritySection'
import { SecurityContext } from '@renderer/lib/security'
import { installFakeBridge } from '../../../fakeBridge'

afterEach(cleanup)

const status = (osKey: EncryptionStatus['osKey']): EncryptionStatus => ({
  root: '/ws',
  encrypted: true,
  locked: false,
  idleLockMinutes: null,
  osKey,
})

function Shell({ initial }: { initial: EncryptionStatus }) {
  const [s, setS] = useState(initial)
  return (
    <SecurityContext.Provider value={{ status: s, onStatus: setS, showRecoveryKey: () => undefined }}>
      <SecuritySection readOnly={false} />
    </SecurityContext.Provider>
  )
}

const box = () =>
  screen.getByRole('checkbox', { name: /open without the passphrase on this computer/i }) as HTMLInputElement

describe('Settings → Security: the key kept by the OS store', () => {
  it('turns on and off through workspace:rememberKey, each state explained', async () => {
    const bridge = installFakeBridge({ 'workspace:rememberKey': ({ remember }) => status(remember ? 'on' : 'off') })
    render(<Shell initial={status('off')} />)
    expect(box().checked).toBe(false)
    expect(screen.getByText(/asked at every start\. Turned on/)).toBeTruthy()
    fireEvent.click(box())
    expect(await screen.findByText(/the next start opens without the passphrase\. A lock/)).toBeTruthy()
    expect(box().checked).toBe(true)
    fireEvent.click(box())
    expect(await screen.findByText(/asked at every start\. Turned on/)).toBeTruthy()
    expect(bridge.calls.filter((c) => c.channel === 'workspace:rememberKey').map((c) => c.input)).toEqual([
      { remember: true },
      { remember: false },
    ])
  })

  it('cannot be turned on where there is no real store; says when a lock suspended it', () => {
    installFakeBridge({})
    render(<Shell initial={status('unavailable')} />)
    expect(box().disabled).toBe(true)
    expect(screen.getByText(/has no secure key store/)).toBeTruthy()
    cleanup()
    render(<Shell initial={status('suspended')} />)
    expect(box().checked).toBe(true)
    expect(screen.getByText(/was locked since: the next start asks for the passphrase once/)).toBeTruthy()
  })
})
