import { afterAll, beforeAll } from 'vitest'
import { startFaultProxy, type FaultProxy } from './fault-proxy.js'
import { startStubServer, type StubServer } from './stub-server.js'

/** A server-stub and a fault proxy in front of it, shared by a test file's tests. */
export interface StubWithProxy {
  readonly stub: StubServer
  readonly proxy: FaultProxy
}

/**
 * Starts a server-stub and a fault proxy before the calling file's tests
 * and stops both after them. Call it at the top level of a test file; the
 * returned object's fields are readable once the tests run.
 */
export function useStubWithProxy(): StubWithProxy {
  let stub: StubServer | undefined
  let proxy: FaultProxy | undefined
  beforeAll(async () => {
    stub = await startStubServer()
    proxy = await startFaultProxy(stub.url)
  })
  afterAll(async () => {
    await proxy?.close()
    await stub?.stop()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useStubWithProxy: the servers are read before beforeAll started them')
    return value
  }
  return {
    get stub() {
      return started(stub)
    },
    get proxy() {
      return started(proxy)
    },
  }
}
