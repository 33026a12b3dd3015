/** An unsigned (`alg: none`) JWT whose `scp` claim is `… Actions.Results:<run>:<job>`. */
export function makeRuntimeToken(runBackendId: string, jobBackendId: string): string
