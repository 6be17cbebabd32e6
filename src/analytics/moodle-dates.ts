/**
 * Moodle writes report dates as text: `Tuesday, 1 December 2026, 10:33 AM` in its text export and
 * `1 December 2026, 10:33 AM` in ODS/XLSX (strftimedatetime, site language English). They are read as UTC wall-clock
 * times: only differences (time spent) are used, so the site's time zone does not matter.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function parseMoodleDate(text: string): number | null {
  const match = /(\d{1,2}) ([A-Za-z]+),? (\d{4}),? (\d{1,2}):(\d{2})(?: ?(AM|PM))?/i.exec(text);
  if (!match) {
    const iso = Date.parse(text);
    return Number.isNaN(iso) ? null : iso;
  }
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return null;
  let hour = Number(match[4]) % 12;
  if (!match[6]) hour = Number(match[4]);
  else if (match[6].toUpperCase() === 'PM') hour += 12;
  return Date.UTC(Number(match[3]), month, Number(match[1]), hour, Number(match[5]));
}
