// Loaded with `node --import` by the bench: records the process's peak RSS (KiB) when it exits.
import { appendFileSync } from 'node:fs';

const file = process.env.ACR_DOCTOR_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
