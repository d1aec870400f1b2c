import type { encryptionChannels } from '@shared/ipc/channels/encryption'
import type { HandlerContext, HandlersFor } from '../types'

/**
 * A migration's progress as `progress` pushes for the window's task, one file at a time at most every
 * 100 ms (a workspace may hold thousands of files), and always the last one.
 */
function progressTo(platform: HandlerContext['platform'], taskId: string | undefined, label: string) {
  if (!taskId) return undefined
  let last = 0
  return (done: number, total: number) => {
    const now = Date.now()
    if (done < total && now - last < 100) return
    last = now
    platform.emit('progress', { taskId, label, done, total })
  }
}

/** None of these needs an open workspace (services): unlock is what opens one. */
export const encryptionHandlers: HandlersFor<keyof typeof encryptionChannels> = {
  'workspace:encryptionStatus': async (_input, { session }) => session.encryptionStatus(),
  'workspace:encrypt': async ({ passphrase, taskId }, { session, platform }) => {
    const done = await session.encrypt(passphrase, progressTo(platform, taskId, 'encrypt'))
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
  'workspace:rememberKey': async ({ remember }, { session }) => {
    await session.rememberKey(remember)
    return session.encryptionStatus()
  },
  'workspace:activity': async (_input, { session }) => {
    session.touch()
    return {}
  },
  'workspace:decrypt': async ({ taskId, ...unlock }, { session, platform }) => {
    await session.decrypt(unlock, progressTo(platform, taskId, 'decrypt'))
    platform.notifyWorkspaceChanged()
    return session.encryptionStatus()
  },
  'workspace:changePassphrase': async ({ current, next }, { session }) => {
    await session.changePassphrase(current, next)
    return session.encryptionStatus()
  },
  'workspace:newRecoveryKey': async ({ passphrase }, { session }) => ({
    recoveryKey: await session.newRecoveryKey(passphrase),
  }),
}
