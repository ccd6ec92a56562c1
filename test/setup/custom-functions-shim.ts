/**
 * Office's CustomFunctions global does not exist outside Excel. This shim mirrors the real
 * string values of ErrorCode (@types/custom-functions-runtime) so tests can assert "#NUM!".
 */
const g = globalThis as any;
if (!g.CustomFunctions) {
  class CustomFunctionsError extends Error {
    code: string;
    constructor(code: string, message?: string) {
      super(message ?? code);
      this.code = code;
    }
  }
  g.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };
}
export {};

// Property tests explore new random inputs on every local run; on CI they replay one fixed seed so a
// submission's result does not depend on chance (a failure found locally becomes a unit test).
if (process.env.CI) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('fast-check').configureGlobal({ seed: 20261122 });
}
