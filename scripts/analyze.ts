// HR analytics: reads the LMS's exports (Moodle SCORM reports, gradebook, or the long format) and writes an HTML
// report with report.json and CSV files. See docs/hr-guide.md §8 and src/analytics/.
import { runAnalyze } from '../src/analytics/cli.ts';

process.exitCode = await runAnalyze(process.argv.slice(2));
