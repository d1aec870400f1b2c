/**
 * The child of the killed-migration test (tests/main/storage/crypto/migration.test.ts):
 * encrypts or decrypts a workspace and, once it has written the first bytes of a
 * blob's converted copy, says so and waits to be killed, so the SIGKILL leaves a
 * partial copy on disk as a kill at that moment would.
 *
 *   CHILD_PASSPHRASE=P node child.mjs ROOT encrypt|decrypt
 */
import { decryptWorkspace, encryptWorkspace } from '@main/storage/crypto/migrate'
import { pathOf, realFsIo, replaceFsIo } from '@main/storage/fsio'

const [root, direction] = process.argv.slice(2)
const passphrase = process.env.CHILD_PASSPHRASE ?? ''

replaceFsIo({
  async write(fh, buf, offset, length, position) {
    const n = await realFsIo.write(fh, buf, offset, length, position)
    if (/[\\/]blobs[\\/]\.[0-9a-f]{64}\.\d+\.[0-9a-f]{12}\.converting$/.test(pathOf(fh))) {
      process.stdout.write(`PARTIAL ${pathOf(fh)}\n`)
      setInterval(() => undefined, 1 << 30)
      await new Promise(() => undefined)
    }
    return n
  },
})

if (direction === 'encrypt') await encryptWorkspace(root, passphrase, { cost: { N: 2 ** 10, r: 8, p: 1 } })
else await decryptWorkspace(root, { passphrase })
process.stdout.write('FINISHED\n')
