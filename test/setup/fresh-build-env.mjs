/** The variable through which the bundle project's global setup hands its build to the tests. */
export const FRESH_BUILD_ENV = 'ENCORD_ANNOTATOR_EVAL_FRESH_BUILD'
