/**
 * The exam's items (with their answer keys and feedback) travel in `exam-data.bin`, not in the exam page's HTML,
 * and lightly scrambled (every UTF-8 byte XORed with one byte derived from the course identifier) so the answers do
 * not show up in "view source" or a text search of the package. One key byte keeps the file as compressible in the
 * zip as plain JSON. This is not security: a determined learner can run the decoder, as with any client-side SCORM
 * package (README "Security" says so).
 */
function keyByte(key: string): number {
  let byte = 0x5a;
  for (const code of new TextEncoder().encode(key)) byte = (byte * 31 + code) & 0xff;
  return byte === 0 ? 0x5a : byte;
}

export function encodeExamData(value: unknown, key: string): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const k = keyByte(key);
  return bytes.map((byte) => byte ^ k);
}

export function decodeExamData<T>(data: ArrayBuffer | Uint8Array, key: string): T {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const k = keyByte(key);
  return JSON.parse(new TextDecoder().decode(bytes.map((byte) => byte ^ k))) as T;
}
