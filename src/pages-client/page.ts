import { connectToShell } from '../bridge/page-client.ts';

/** Any content page that is neither home nor a lesson (glossary, reference card, …): announce it to the shell. */
connectToShell();
