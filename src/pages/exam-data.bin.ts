import type { APIRoute } from 'astro';
import { examDataFile } from '../course/exam-page-data.ts';

/**
 * exam-data.bin: the exam items with their keys, scrambled, fetched by the exam page at run time so the
 * answer key is not in exam.html (see src/exam/exam-data-codec.ts for what this does and does not protect).
 */
export const GET: APIRoute = () =>
  new Response(new Blob([examDataFile() as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': 'application/octet-stream' } });
