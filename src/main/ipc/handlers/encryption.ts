import type { encryptionChannels } from '@shared/ipc/channels/encryption'
import type { HandlersFor } from '../types'

/** None of these needs an open workspace (services): unlock is what opens one. */
export const encryptionHandlers: HandlersFor<keyof typeof encryptionChannels> = {
  'workspace:encryptionStatus': async (_input, { session }) => session.encryptionStatus(),
  'workspace:encrypt': async ({ passphrase }, { session, platform }) => {
    const done = await session.encrypt(passphrase)
    platform.notifyWorkspaceChanged()
    return done
  },
  'workspace:lock': async (_input, { session, platform }) => {
    await session.lock()
    platform.notifyWorkspaceChanged()
    return session.encryptionStatus()
  },
  'workspace:unlock': async (input, { session, platform }) => {
    await session.unlock(input)
    platform.notifyWorkspaceChanged()
    return session.encryptionStatus()
  },
  'workspace:setIdleLock': async ({ minutes }, { session, platform }) => {
    session.onIdleLocked = () => platform.notifyWorkspaceChanged()
    await session.setIdleLockMinutes(minutes)
    return session.encryptionStatus()
  },
  'workspace:activity': async (_input, { session }) => {
    session.touch()
    return {}
  },
  'workspace:decrypt': async (input, { session, platform }) => {
    await session.decrypt(input)
    platform.notifyWorkspaceChanged()
    return session.encryptionStatus()
  },
  'workspace:changePassphrase': async ({ current, next }, { session }) => {
    await session.changePassphrase(current, next)
    return session.encryptionStatus()
  },
}
