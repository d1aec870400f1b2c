/**
 * waitFor and findBy* give up after one second by default: on two shared, busy
 * cores an editor can take longer than that to show what it will show. They
 * wait on a state; the limit is only there to catch a hang.
 */
import { configure } from '@testing-library/react'

configure({ asyncUtilTimeout: 30_000 })
