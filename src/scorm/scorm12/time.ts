/**
 * SCORM 1.2 CMITimespan (RTE 3.4.2, cmi.core.session_time): `HHHH:MM:SS.SS`, hours 2–4 digits,
 * optional 1–2 decimal places. Values past 9999 hours are capped rather than rejected by the LMS.
 */
export function formatScorm12Timespan(milliseconds: number): string {
  const totalCentiseconds = Math.max(0, Math.round(milliseconds / 10));
  const cappedCentiseconds = Math.min(totalCentiseconds, 9999 * 360000 + 59 * 6000 + 5999);
  const hours = Math.floor(cappedCentiseconds / 360000);
  const minutes = Math.floor((cappedCentiseconds % 360000) / 6000);
  const seconds = Math.floor((cappedCentiseconds % 6000) / 100);
  const centiseconds = cappedCentiseconds % 100;
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(centiseconds, 2)}`;
}

/** SCORM 1.2 CMITime (cmi.interactions.n.time): `HH:MM:SS`, local time of day. */
export function formatScorm12TimeOfDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
