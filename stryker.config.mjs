// @ts-check
/**
 * Mutation testing (Stryker with its vitest runner): `npm run mutate`, never part of `npm test`.
 *
 * The files are mutated a group at a time, each group against the test files that
 * are meant to hold it (vitest's "related" mode would pull in most of the suite,
 * the kill loop included, for anything storage touches). Pick groups with
 * CASEFILE_MUTATE=csp,time. The default is every group but the parts of larger ones: `durable`, `reads`,
 * `store`, `storeOwn`, `storeCorpus`, `crypto` and `migrate` (of `storage`), `blobs`, `custody`, `imports`, `importsOwn`, `examine` and `sources` (of `evidence`), `furniture`,
 * `annexes` and `citations` (of `memo`); that takes hours on two cores.
 * Concurrency 1: the build machines have two shared cores.
 *
 *   CASEFILE_MUTATE=time npm run mutate
 *   CASEFILE_MUTATE=durable npm run mutate -- --mutate src/main/storage/durableWrite.ts
 */
/** The evidence service and its imports: mutated against two sets of tests (the groups `imports` and `importsOwn`). */
const EVIDENCE_IMPORTS = [
  'src/main/services/evidence/evidenceService.ts',
  'src/main/services/evidence/evidenceImports.ts',
]
/** The service's own tests: no ffmpeg, no background examination, no bundle. */
const EVIDENCE_OWN_TESTS = [
  'tests/main/services/evidence/evidenceService.test.ts',
  'tests/main/services/evidence/evidenceServiceEdges.test.ts',
  'tests/main/services/evidence/evidenceImportsEdges.test.ts',
  'tests/main/services/evidence/hostileImport.test.ts',
]

const GROUPS = {
  // The window glue and what it calls for its decisions.
  csp: {
    mutate: [
      'src/main/csp.ts',
      'src/main/window.ts',
      'src/main/protocol.ts',
      'src/main/menu.ts',
      'src/main/ipc/register.ts',
      'src/main/ipc/dispatch.ts',
    ],
    tests: [
      'tests/main/csp.test.ts',
      'tests/main/window.test.ts',
      'tests/main/protocol.test.ts',
      'tests/main/menu.test.ts',
      'tests/main/ipc/register.test.ts',
      'tests/main/ipc/dispatch.test.ts',
    ],
  },
  time: {
    mutate: ['src/shared/domain/time.ts'],
    tests: ['tests/shared/domain/time.test.ts'],
  },
  // The durable writer and the quarantine alone, against their own tests: every storage test
  // writes through them, so the whole storage group takes hours per run on two cores.
  durable: {
    mutate: ['src/main/storage/durableWrite.ts', 'src/main/storage/quarantine.ts'],
    tests: [
      'tests/main/storage/durableWrite.test.ts',
      'tests/main/storage/quarantine.test.ts',
      'tests/main/storage/store.test.ts',
    ],
  },
  storage: {
    mutate: ['src/main/storage/**/*.ts'],
    tests: ['tests/main/storage/*.test.ts'],
  },
  // The rest of storage outside crypto/ in two runs: how a stored file is read and checked, each file
  // against the tests that read through it; then the store, against every storage test (the damaged-file
  // corpus runs all of its 229 cases for most mutants of store.ts: hours).
  reads: {
    mutate: [
      'src/main/storage/safeRead.ts',
      'src/main/storage/storedJson.ts',
      'src/main/storage/parseInPlace.ts',
      'src/main/storage/document.ts',
      'src/main/storage/fsio.ts',
      'src/main/storage/lock.ts',
      'src/main/storage/chunkedCollection.ts',
    ],
    tests: [
      'tests/main/storage/safeRead.test.ts',
      'tests/main/storage/storedJson.test.ts',
      'tests/main/storage/fsio.test.ts',
      'tests/main/storage/parseInPlace.test.ts',
      'tests/main/storage/document.test.ts',
      'tests/main/storage/lock.test.ts',
      'tests/main/storage/chunkedCollection.test.ts',
      'tests/main/storage/store.test.ts',
      'tests/main/storage/durableWrite.test.ts',
    ],
  },
  store: {
    mutate: [
      'src/main/storage/store.ts',
      'src/main/storage/backups.ts',
      'src/main/storage/leftovers.ts',
      'src/main/storage/folders.ts',
      'src/main/storage/migrations.ts',
      'src/main/storage/problems.ts',
    ],
    // Against the tests of the store and of what opens, checks and repairs a workspace through it. The
    // damaged-file corpus runs all of its 229 cases for most mutants of store.ts (hours): run it apart, on
    // the lines that survive, with CASEFILE_MUTATE=storeCorpus and --mutate store.ts:LINE-LINE.
    tests: [
      'tests/main/storage/store.test.ts',
      'tests/main/storage/storeEdges.test.ts',
      'tests/main/storage/storedJson.test.ts',
      'tests/main/storage/document.test.ts',
      'tests/main/storage/quarantine.test.ts',
      'tests/main/storage/chunkedCollection.test.ts',
      'tests/main/storage/leftovers.test.ts',
      'tests/main/storage/backups.test.ts',
      'tests/main/storage/folders.test.ts',
      'tests/main/storage/folders.order.test.ts',
      'tests/main/storage/migrations.test.ts',
      'tests/main/storage/problems.test.ts',
      'tests/main/services/check/*.test.ts',
      'tests/main/services/repair/*.test.ts',
      'tests/main/services/workspace/*.test.ts',
    ],
  },
  // store.ts against its own test file alone: minutes, where the store group takes hours. What survives
  // here is then run against the store group's tests on its lines (--mutate store.ts:LINE-LINE).
  storeOwn: {
    mutate: ['src/main/storage/store.ts'],
    tests: ['tests/main/storage/store.test.ts', 'tests/main/storage/storeEdges.test.ts'],
  },
  storeCorpus: {
    mutate: ['src/main/storage/store.ts'],
    tests: ['tests/main/storage/damagedCorpus.test.ts'],
  },
  // crypto/ in two runs, against its own tests (which run scrypt at a low cost; the IPC encryption tests use
  // the app's full cost and would make each mutant take a minute). First sealing and keys:
  crypto: {
    mutate: [
      'src/main/storage/crypto/seal.ts',
      'src/main/storage/crypto/segments.ts',
      'src/main/storage/crypto/blobFiles.ts',
      'src/main/storage/crypto/logLines.ts',
      'src/main/storage/crypto/vault.ts',
      'src/main/storage/crypto/keyfile.ts',
    ],
    tests: ['tests/main/storage/crypto/*.test.ts'],
  },
  // then the encrypt/decrypt migration and the sealing thread, whose mutants often hang a migration or a
  // worker until Stryker's timeout: the slower run.
  migrate: {
    mutate: [
      'src/main/storage/crypto/migrate.ts',
      'src/main/storage/crypto/convert.ts',
      'src/main/storage/crypto/sealThread.ts',
      'src/main/storage/crypto/sealServer.ts',
    ],
    tests: ['tests/main/storage/crypto/*.test.ts'],
  },
  audit: {
    mutate: ['src/main/services/audit/*.ts'],
    tests: ['tests/main/services/audit/*.test.ts'],
  },
  evidence: {
    mutate: ['src/main/services/evidence/*.ts'],
    tests: ['tests/main/services/evidence/*.test.ts'],
  },
  // The evidence group in parts, each against the tests that hold it (the whole group runs the ffmpeg-heavy
  // tests for most mutants: hours). The blob store, hashing and what a verification reports:
  blobs: {
    mutate: [
      'src/main/services/evidence/blobStore.ts',
      'src/main/services/evidence/byteRange.ts',
      'src/main/services/evidence/mediaTypes.ts',
      'src/main/services/evidence/verify.ts',
      'src/main/services/evidence/custodyGaps.ts',
    ],
    tests: [
      'tests/main/services/evidence/blobStore.test.ts',
      'tests/main/services/evidence/blobStoreEdges.test.ts',
      'tests/main/services/evidence/hostileImport.test.ts',
      'tests/main/services/evidence/evidenceService.test.ts',
      'tests/main/services/evidence/custodyJournal.test.ts',
      'tests/main/http/blobResponse.test.ts',
      'tests/main/services/evidence/byteRange.test.ts',
      'tests/main/services/evidence/mediaTypes.test.ts',
      'tests/main/services/evidence/verify.test.ts',
      // The blob writer's sealed path, its faults and the sealing thread.
      'tests/main/storage/crypto/faults.test.ts',
      'tests/main/storage/crypto/sealThread.test.ts',
    ],
  },
  // Custody: the journal that makes a custody change and its audit twin one step, and what an edit changed.
  custody: {
    mutate: ['src/main/services/evidence/custodyJournal.ts', 'src/main/services/evidence/itemChanges.ts'],
    tests: [
      'tests/main/services/evidence/custodyJournal.test.ts',
      'tests/main/services/evidence/custodyJournalReplay.test.ts',
      'tests/main/services/evidence/itemChanges.test.ts',
      'tests/main/services/evidence/evidenceService.test.ts',
    ],
  },
  // The service and its imports, against the tests that import and examine files (ffmpeg, the examination
  // in the background, sealed sources): most of these mutants are held only by those, and each runs for
  // seconds: hours on two cores.
  imports: {
    mutate: EVIDENCE_IMPORTS,
    tests: [
      ...EVIDENCE_OWN_TESTS,
      'tests/main/services/evidence/blobStore.test.ts',
      'tests/main/services/evidence/backgroundExaminations.test.ts',
      'tests/main/services/evidence/examineSealed.test.ts',
      'tests/main/services/evidence/derivedExhibits.test.ts',
      'tests/main/services/verification/verification.test.ts',
      'tests/main/services/bundles/roundTrip.test.ts',
    ],
  },
  // The same two against the service's own tests alone: the real-file tests above run ffmpeg for most mutants.
  importsOwn: { mutate: EVIDENCE_IMPORTS, tests: EVIDENCE_OWN_TESTS },
  // What examines a stored file (ffprobe, keyframes, the examination in the background) and the exhibits
  // derived from it, against the tests that run them on real media.
  examine: {
    mutate: [
      'src/main/services/evidence/backgroundExaminations.ts',
      'src/main/services/evidence/examinations.ts',
      'src/main/services/evidence/derivedExhibits.ts',
      'src/main/services/evidence/webmIndex.ts',
    ],
    tests: [
      'tests/main/services/evidence/backgroundExaminations.test.ts',
      'tests/main/services/evidence/derivedExhibits.test.ts',
      'tests/main/services/evidence/derivedEncrypted.test.ts',
      'tests/main/services/evidence/webmIndex.test.ts',
      'tests/main/services/evidence/examineSealed.test.ts',
      'tests/main/services/evidence/examinations.test.ts',
      'tests/main/services/evidence/evidenceService.test.ts',
      'tests/main/services/evidence/evidenceImportsEdges.test.ts',
    ],
  },
  // Where an import's bytes come from: a file, a sealed blob read back for ffmpeg, the window's upload.
  sources: {
    mutate: [
      'src/main/services/evidence/fileSources.ts',
      'src/main/services/evidence/plainLoopback.ts',
      'src/main/services/evidence/uploads.ts',
    ],
    tests: [
      'tests/main/services/evidence/fileSources.test.ts',
      'tests/main/services/evidence/plainLoopback.test.ts',
      'tests/main/services/evidence/uploads.test.ts',
      'tests/main/services/evidence/evidenceService.test.ts',
      'tests/main/services/evidence/blobStore.test.ts',
      'tests/main/services/evidence/derivedEncrypted.test.ts',
    ],
  },
  // The IPC handlers and the storage's small helpers, against the IPC tests, which drive the real handlers
  // behind the real dispatcher. The table of handlers is built when the module loads: its mutants are static
  // (each runs every test of the group); `-- --ignoreStatic` leaves them out.
  handlers: {
    mutate: ['src/main/ipc/handlers/*.ts', 'src/main/storage/fileNames.ts', 'src/main/storage/json.ts'],
    // Not the fuzzing (every hostile payload of every channel, for each mutant: hours) nor the fault plans.
    tests: [
      'tests/main/ipc/channels.*.test.ts',
      'tests/main/ipc/{briefings,bundles,encryption,evidence,verification,dispatch,errorWording}.test.ts',
      'tests/main/storage/fileNames.test.ts',
      'tests/main/storage/safeRead.test.ts',
    ],
  },
  memo: {
    mutate: ['src/main/memo/citations.ts', 'src/main/pdf/furniture.ts', 'src/main/pdf/annexes.ts'],
    tests: ['tests/main/memo/*.test.ts', 'tests/main/pdf/*.test.ts'],
  },
  // The memo group a file at a time, each against the tests that read what it draws: the PDF tests
  // render in beforeAll, so Stryker must run every test of the group for most mutants ("static"),
  // which for the whole group takes hours.
  furniture: {
    mutate: ['src/main/pdf/furniture.ts'],
    tests: ['tests/main/pdf/memo.test.ts', 'tests/main/pdf/furniture.test.ts'],
  },
  annexes: {
    mutate: ['src/main/pdf/annexes.ts'],
    tests: ['tests/main/pdf/memo.test.ts', 'tests/main/pdf/annexes.test.ts'],
  },
  citations: {
    mutate: ['src/main/memo/citations.ts'],
    tests: ['tests/main/memo/*.test.ts', 'tests/main/pdf/footnotes.test.ts'],
  },
  // The trash: a case or an excerpt sent there and back, with a case file put right where it lies.
  trash: {
    mutate: [
      'src/main/services/cases/caseTrash.ts',
      'src/main/services/trash/trashService.ts',
      'src/main/services/trash/trashBin.ts',
    ],
    tests: [
      'tests/main/services/cases/caseTrash.test.ts',
      'tests/main/services/trash/*.test.ts',
      'tests/main/services/repair/repairService.test.ts',
      'tests/main/cli/trash.test.ts',
      'tests/main/ipc/channels.library.test.ts',
    ],
  },
  search: {
    mutate: ['src/main/services/search/engine.ts', 'src/main/services/search/query.ts'],
    tests: ['tests/main/services/search/*.test.ts'],
  },
}

const chosen = (
  process.env.CASEFILE_MUTATE ??
  Object.keys(GROUPS)
    .filter(
      (g) =>
        ![
          'durable',
          'reads',
          'store',
          'storeOwn',
          'storeCorpus',
          'crypto',
          'migrate',
          'blobs',
          'custody',
          'imports',
          'importsOwn',
          'examine',
          'sources',
          'furniture',
          'annexes',
          'citations',
        ].includes(g),
    )
    .join(',')
)
  .split(',')
  .map((g) => g.trim())
  .filter(Boolean)
for (const g of chosen)
  if (!(g in GROUPS)) throw new Error(`CASEFILE_MUTATE: no group "${g}" (${Object.keys(GROUPS).join(', ')})`)

// Read by vitest.mutate.config.ts in Stryker's test-runner process, which inherits this environment.
process.env.CASEFILE_MUTATE_TESTS = JSON.stringify(chosen.flatMap((g) => GROUPS[g].tests))

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: chosen.flatMap((g) => GROUPS[g].mutate),
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // A mutant that makes a test loop (a retry that never ends) is cut off, not waited on. The blob store's
  // read loops hang for many mutants of `blobs`: CASEFILE_MUTATE_TIMEOUT_MS=10000 cuts those sooner.
  timeoutMS: Number(process.env.CASEFILE_MUTATE_TIMEOUT_MS ?? 60_000),
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Anchored: src/main/services/reports must stay in the sandbox.
  ignorePatterns: [
    '/out',
    '/dist',
    '/bench/.data',
    '/bench/results',
    '/test-results',
    '/playwright-report',
    '/reports',
  ],
  cleanTempDir: true,
}
