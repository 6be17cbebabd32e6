import type { ErrorSink } from './driver.ts';

/** How a driver reads the LMS's last error, per SCORM version (1.2 RTE 3.3.3, 2004 RTE 3.1.4). */
export interface ErrorReader {
  lastErrorCode(): number;
  errorString(code: number): string;
  diagnostic(code: number): string;
}

/**
 * Runs one API call and reports a "false" answer (or an exception thrown by a broken LMS wrapper) to the sink
 * with the LMS's own error code and text. Never throws: a flaky LMS must not break the learner's page.
 */
export function checkedCall(
  call: string,
  element: string | undefined,
  invoke: () => string,
  errors: ErrorReader,
  sink: ErrorSink,
): boolean {
  let answer: string;
  try {
    answer = String(invoke());
  } catch (thrown) {
    sink({ call, element, code: 101, message: `LMS threw: ${thrown instanceof Error ? thrown.message : String(thrown)}` });
    return false;
  }
  if (answer === 'true') return true;
  let code = 101;
  let message = 'General exception';
  let diagnostic: string | undefined;
  try {
    code = errors.lastErrorCode() || 101;
    message = errors.errorString(code) || message;
    diagnostic = errors.diagnostic(code) || undefined;
  } catch {
    // An LMS whose error functions also fail still gets its failure logged with the generic code.
  }
  sink({ call, element, code, message, diagnostic });
  return false;
}

/** Reads a value; a failed read gives '' and reports unless `quietCodes` says the failure is expected. */
export function checkedGet(
  call: string,
  element: string,
  invoke: () => string,
  errors: ErrorReader,
  sink: ErrorSink,
  quietCodes: readonly number[] = [],
): string {
  let value: string;
  try {
    value = String(invoke() ?? '');
  } catch (thrown) {
    sink({ call, element, code: 101, message: `LMS threw: ${thrown instanceof Error ? thrown.message : String(thrown)}` });
    return '';
  }
  let code = 0;
  try {
    code = errors.lastErrorCode();
  } catch {
    code = 0;
  }
  if (code !== 0 && !quietCodes.includes(code)) {
    sink({ call, element, code, message: safe(() => errors.errorString(code)) });
    return '';
  }
  return value;
}

function safe(read: () => string): string {
  try {
    return read();
  } catch {
    return '';
  }
}
