/** Writes the corpus once (cached under bench/.corpus/<version>/). */
import { ensureCorpus } from '../corpus';
import { CORPUS_ROOT, emit, seconds } from './common';

(async () => {
  const t0 = process.hrtime.bigint();
  const c = await ensureCorpus(CORPUS_ROOT, (s) => process.stderr.write(s + '\n'));
  emit({ corpus_files: c.submissions.length, corpus_s: seconds(t0) });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
