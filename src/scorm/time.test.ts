import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { formatScorm12Timespan, formatScorm12TimeOfDay } from './scorm12/time.ts';
import { formatScorm2004Duration, formatScorm2004Timestamp } from './scorm2004/time.ts';

test('SCORM 1.2 CMITimespan HHHH:MM:SS.SS', () => {
  assert.equal(formatScorm12Timespan(0), '00:00:00.00');
  assert.equal(formatScorm12Timespan(62_500), '00:01:02.50');
  assert.equal(formatScorm12Timespan(3_600_000 * 27 + 5), '27:00:00.01');
  assert.equal(formatScorm12Timespan(-5), '00:00:00.00');
  assert.equal(formatScorm12Timespan(3_600_000 * 20_000), '9999:59:59.99');
});

test('SCORM 1.2 CMITime HH:MM:SS', () => {
  assert.equal(formatScorm12TimeOfDay(new Date(2026, 0, 2, 9, 5, 7)), '09:05:07');
});

test('SCORM 2004 timeinterval PT…', () => {
  assert.equal(formatScorm2004Duration(0), 'PT0S');
  assert.equal(formatScorm2004Duration(62_500), 'PT1M2.5S');
  assert.equal(formatScorm2004Duration(3_600_000 + 3_000), 'PT1H3S');
  assert.equal(formatScorm2004Duration(1234), 'PT1.23S');
});

test('SCORM 2004 timestamp', () => {
  assert.equal(formatScorm2004Timestamp(new Date(2026, 10, 27, 8, 3, 9)), '2026-11-27T08:03:09');
});

test('the strict runtime (scorm-again) accepts every formatted time', () => {
  const api12 = new Scorm12API({ logLevel: 5 });
  api12.LMSInitialize('');
  for (const ms of [0, 999, 62_500, 3_600_000 * 123]) {
    assert.equal(api12.LMSSetValue('cmi.core.session_time', formatScorm12Timespan(ms)), 'true', String(ms));
  }
  const api2004 = new Scorm2004API({ logLevel: 5 });
  api2004.Initialize('');
  for (const ms of [0, 999, 62_500, 3_600_000 * 123]) {
    assert.equal(api2004.SetValue('cmi.session_time', formatScorm2004Duration(ms)), 'true', String(ms));
  }
  api2004.SetValue('cmi.interactions.0.id', 'q1');
  assert.equal(api2004.SetValue('cmi.interactions.0.timestamp', formatScorm2004Timestamp(new Date())), 'true');
});
