import { build } from 'esbuild'
import { aliases } from './electron.vite.config.ts'
