import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A folder of the app's resources/ (demo files, fonts): CASEFILE_RESOURCES; the
 * packaged app's resources (Electron sets process.resourcesPath; packaging copies
 * them there); else the checkout's resources/, found from this module's own
 * place (sources, the CLI bundle or the built main) or the working folder.
 * Null when none holds `probe`.
 */
export function resourceDir(sub: string, probe: string): string | null {
  const candidates: string[] = []
  if (process.env.CASEFILE_RESOURCES) candidates.push(join(process.env.CASEFILE_RESOURCES, sub))
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) candidates.push(join(resourcesPath, sub))
  for (let dir = dirname(fileURLToPath(import.meta.url)), i = 0; i < 6; i++, dir = dirname(dir))
    candidates.push(join(dir, 'resources', sub))
  candidates.push(join(process.cwd(), 'resources', sub))
  return candidates.find((d) => existsSync(join(d, probe))) ?? null
}
