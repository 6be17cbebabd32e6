/**
 * SCORM 2004 timeinterval (second,10,2) (RTE 4.2.24 cmi.session_time): ISO 8601 duration such as `PT1H5M3.25S`.
 * Hours are not folded into days, which every LMS accepts and keeps the value unambiguous.
 */
export function formatScorm2004Duration(milliseconds: number): string {
  const totalCentiseconds = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(totalCentiseconds / 360000);
  const minutes = Math.floor((totalCentiseconds % 360000) / 6000);
  const centiseconds = totalCentiseconds % 6000;
  const seconds = centiseconds / 100;
  let text = 'PT';
  if (hours) text += `${hours}H`;
  if (minutes) text += `${minutes}M`;
  if (seconds || text === 'PT') text += `${Number.isInteger(seconds) ? seconds : seconds.toFixed(2).replace(/0$/, '')}S`;
  return text;
}

/** SCORM 2004 time (second,10,0) (RTE 4.2.9 cmi.interactions.n.timestamp): `YYYY-MM-DDThh:mm:ss`, local time. */
export function formatScorm2004Timestamp(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
