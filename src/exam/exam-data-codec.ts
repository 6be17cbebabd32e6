/**
 * The exam's items (with their answer keys and feedback) travel in `exam-data.json`, not in the exam page's HTML,
 * and lightly scrambled (XOR with a key from the course identifier, then base64) so the answers do not show up
 * in "view source" or a text search of the package. This is not security: a determined learner can run the
 * decoder, as with any client-side SCORM package (README "Security" says so).
 */
function keyBytes(key: string): Uint8Array {
  const bytes = new TextEncoder().encode(key || 'key');
  return bytes.length > 0 ? bytes : new Uint8Array([1]);
}

function xor(data: Uint8Array, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let index = 0; index < data.length; index++) out[index] = data[index]! ^ key[index % key.length]! ^ (index & 0xff);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function encodeExamData(value: unknown, key: string): string {
  return toBase64(xor(new TextEncoder().encode(JSON.stringify(value)), keyBytes(key)));
}

export function decodeExamData<T>(text: string, key: string): T {
  return JSON.parse(new TextDecoder().decode(xor(fromBase64(text.trim()), keyBytes(key)))) as T;
}
