/** The SCORM 1.2 API object the LMS provides as `window.API` (SCORM 1.2 RTE 3.3). All values are strings. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** SCORM 1.2 RTE 3.3.3 error codes, for logs a person can read. */
export const scorm12Errors: Readonly<Record<number, string>> = {
  0: 'No error',
  101: 'General exception',
  201: 'Invalid argument error',
  202: 'Element cannot have children',
  203: 'Element not an array - cannot have count',
  301: 'Not initialized',
  401: 'Not implemented error',
  402: 'Invalid set value, element is a keyword',
  403: 'Element is read only',
  404: 'Element is write only',
  405: 'Incorrect data type',
};

/** SCORM 1.2 RTE 3.4 data model limits (CMIString255 / CMIString4096). */
export const scorm12Limits = {
  suspendData: 4096,
  location: 255,
  interactionId: 255,
} as const;
