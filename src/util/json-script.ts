/**
 * JSON for a `<script type="application/json">` element or any HTML text: `<`, `>` and `&` are escaped as JSON
 * unicode escapes, so no value (a title, an item text) can close the script element or open a comment, and U+2028
 * and U+2029 are escaped for older script parsers. `JSON.parse` reads the result back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
