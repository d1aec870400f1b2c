import { z } from 'zod'

// Zod probes `new Function` to speed up parsing; the CSP forbids eval, and the probe
// alone logs a CSP violation. Imported first by main.tsx, before any schema is used.
z.config({ jitless: true })
