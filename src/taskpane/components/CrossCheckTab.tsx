import { useRef, useState } from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CrossCheckResult, SubmissionStatus } from '../../core/crosscheck/types';
import { formatNumber } from '../../core/format/vn';
import { errorText, useApp } from '../appContext';
import { useT } from '../i18n';
import { readFileBytes } from '../services/browser';
import { UnavailableError, WORKBOOK_FILE_ACCEPT, type Progress } from '../services/types';
import { ErrorState, figuresLine, Notice, ProgressState } from './common';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Progress }
  | { kind: 'done'; result: CrossCheckResult }
  | { kind: 'error'; message: string }
  | { kind: 'unavailable' };

export const STATUS_COLOR: Record<SubmissionStatus, 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  accepted: 'success',
  blocked: 'danger',
  duplicate: 'subtle',
  wrong_year: 'warning',
  no_template: 'warning',
  no_school: 'warning',
  unreadable: 'danger',
};

export function CrossCheckTab() {
  const styles = useStyles();
  const { port, services, settings } = useApp();
  const { t, lang } = useT();
  const [files, setFiles] = useState<File[]>([]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [written, setWritten] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function run() {
    if (!port || files.length === 0) return;
    setWritten(null);
    setState({ kind: 'running', progress: { done: 0, total: files.length } });
    try {
      const master = await port.readSheets();
      // Read the bytes anew each run: the worker takes ownership of the buffers it is sent.
      const loaded = await Promise.all(files.map(async (f) => ({ name: f.name, data: await readFileBytes(f) })));
      const result = await services.crossCheck(master, loaded, settings, (progress) => setState({ kind: 'running', progress }));
      setState({ kind: 'done', result });
    } catch (e) {
      setState(e instanceof UnavailableError ? { kind: 'unavailable' } : { kind: 'error', message: errorText(e) });
    }
  }

  async function writeSummary(result: CrossCheckResult) {
    if (!port) return;
    try {
      const r = await port.writeSheet(result.summarySheet);
      setWritten(t('ui.cross.written', { sheet: r.sheetName, cells: formatNumber(r.cellsWritten) }));
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) });
    }
  }

  if (!port) return <Notice intent="warning" text={t('ui.no_workbook')} />;

  return (
    <div className={styles.root}>
      <Text>{t('ui.cross.intro')}</Text>
      <div className={styles.row}>
        <input
          ref={inputRef}
          type="file"
          accept={WORKBOOK_FILE_ACCEPT}
          multiple
          hidden
          data-testid="cross-files"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
        <Button onClick={() => inputRef.current?.click()}>{t('ui.cross.choose')}</Button>
        <Text data-testid="cross-chosen">{files.length ? t('ui.cross.chosen', { n: formatNumber(files.length) }) : t('ui.cross.empty')}</Text>
      </div>
      <div>
        <Button appearance="primary" disabled={files.length === 0 || state.kind === 'running'} onClick={run} data-testid="cross-run">
          {t('ui.cross.run')}
        </Button>
      </div>
      {state.kind === 'running' && (
        <ProgressState label={t('ui.cross.running', { done: formatNumber(state.progress.done), total: formatNumber(state.progress.total) })} done={state.progress.done} total={state.progress.total} />
      )}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={run} />}
      {state.kind === 'unavailable' && <Notice intent="warning" text={t('ui.cross.unavailable')} />}
      {state.kind === 'done' && (
        <div data-testid="cross-results" className={styles.root}>
          <Text weight="semibold">
            {t('ui.cross.completeness', { submitted: formatNumber(state.result.completeness.submitted), expected: formatNumber(state.result.completeness.expected) })}
          </Text>
          {state.result.completeness.missing.length > 0 && (
            <Text className={styles.meta}>{t('ui.cross.missing', { names: state.result.completeness.missing.map((m) => m.name || m.code).join(', ') })}</Text>
          )}
          {(['byLevel', 'byCommune'] as const).map((k) =>
            state.result.completeness[k].length > 0 ? (
              <div key={k}>
                <Text size={200} weight="semibold">
                  {t(k === 'byLevel' ? 'ui.cross.by_level' : 'ui.cross.by_commune')}
                </Text>
                <ul className={styles.list} data-testid={`cross-${k}`}>
                  {state.result.completeness[k].map((g) => (
                    <li key={g.key || g.name} className={styles.meta}>
                      {t('ui.cross.group_row', { name: g.name || g.key || '–', submitted: formatNumber(g.submitted), expected: formatNumber(g.expected) })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
          <Text weight="semibold">{t('ui.cross.files')}</Text>
          <ul className={styles.list}>
            {state.result.submissions.map((s) => (
              <li key={`${s.index}-${s.file}`}>
                <Badge appearance="tint" color={STATUS_COLOR[s.status]} size="small">
                  {t(`ui.cross.status.${s.status}`)}
                </Badge>{' '}
                {s.file}
                {s.schools.length ? <span className={styles.meta}> · {s.schools.join(', ')}</span> : null}
              </li>
            ))}
          </ul>
          <Text weight="semibold">{t('ui.cross.findings', { n: formatNumber(state.result.findings.length) })}</Text>
          <ul className={styles.list}>
            {state.result.findings.slice(0, 200).map((f, i) => (
              <li key={i}>
                <Badge appearance="tint" color={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'informative'} size="small">
                  {t(`severity.${f.severity}`)}
                </Badge>{' '}
                {f.message[lang]}
                <div className={styles.meta}>{[f.file, f.sheet && f.cells.length ? `${f.sheet}!${f.cells[0]}` : null, figuresLine(f, t)].filter(Boolean).join(' · ')}</div>
              </li>
            ))}
          </ul>
          <div>
            <Button appearance="primary" onClick={() => writeSummary(state.result)} data-testid="cross-write">
              {t('ui.cross.write_summary')}
            </Button>
          </div>
        </div>
      )}
      {written && <Notice intent="success" text={written} testId="cross-written" />}
    </div>
  );
}
