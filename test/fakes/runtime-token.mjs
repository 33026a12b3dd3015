// The artifact client reads its run and job ids from ACTIONS_RUNTIME_TOKEN. It only decodes the
// JWT payload and never checks the signature, so an unsigned token is enough for a fake run.

/**
 * @param {string} runBackendId
 * @param {string} jobBackendId
 * @returns {string} an `alg: none` JWT whose `scp` claim carries `Actions.Results:<run>:<job>`
 */
export function makeRuntimeToken(runBackendId, jobBackendId) {
  const encode = (/** @type {unknown} */ value) =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  const header = encode({ alg: 'none', typ: 'JWT' })
  const payload = encode({
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    iat: 1_700_000_000
  })
  return `${header}.${payload}.`
}
