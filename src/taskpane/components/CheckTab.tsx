import { useMemo, useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import { SEVERITY_ORDER, countBySeverity } from '../../core/findings';
import { formatNumber } from '../../core/format/vn';
import { errorText, useApp } from '../appContext';
import { useT } from '../i18n';
import type { CheckResult } from '../services/types';
import { ErrorState, figuresLine } from './common';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  filters: { display: 'flex', gap: '8px', alignItems: 'flex-end' },
  group: { margin: '6px 0 2px', fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    width: '100%',
    textAlign: 'left',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    padding: '6px 8px',
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; result: CheckResult } | { kind: 'error'; message: string };

/** Rendering thousands of findings freezes the pane; the filters narrow the list instead. */
export const MAX_SHOWN = 300;

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

function groupFindings(findings: Finding[]): { sheet: string | null; items: Finding[] }[] {
  const groups = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const key = f.sheet ?? null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  return Array.from(groups, ([sheet, items]) => ({ sheet, items: items.slice().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) }));
}

export function CheckTab() {
  const styles = useStyles();
  const { port, services, settings } = useApp();
  const { t, lang } = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [query, setQuery] = useState('');
  const [selectError, setSelectError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run() {
    if (!port) return;
    setState({ kind: 'loading' });
    setSelectError(null);
    setNotice(null);
    try {
      const snapshot = await port.readSheets();
      setState({ kind: 'done', result: await services.check(snapshot, settings) });
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) });
    }
  }

  async function goTo(f: Finding) {
    if (!port || !f.sheet || !f.cells.length) return;
    setSelectError(null);
    try {
      await port.selectCell(f.sheet, f.cells[0]);
    } catch (e) {
      setSelectError(t('ui.check.select_failed', { cell: `${f.sheet}!${f.cells[0]}`, detail: errorText(e) }));
    }
  }

  async function highlight(findings: Finding[]) {
    if (!port?.highlightCells) return;
    const bySheet = new Map<string, Set<string>>();
    for (const f of findings) if (f.sheet) f.cells.forEach((c) => (bySheet.get(f.sheet!) ?? bySheet.set(f.sheet!, new Set()).get(f.sheet!)!).add(c));
    let n = 0;
    try {
      for (const [sheet, cells] of bySheet) {
        await port.highlightCells(sheet, Array.from(cells), '#FFC7CE');
        n += cells.size;
      }
      setNotice(t('ui.check.highlighted', { n: formatNumber(n) }));
    } catch (e) {
      setSelectError(errorText(e));
    }
  }

  async function annotate(findings: Finding[]) {
    if (!port?.addNotes) return;
    const bySheet = new Map<string, Map<string, string[]>>();
    for (const f of findings) {
      if (!f.sheet || !f.cells.length) continue;
      const cells = bySheet.get(f.sheet) ?? bySheet.set(f.sheet, new Map()).get(f.sheet)!;
      // One note per cell: the first cell of each finding, with every message about it.
      const texts = cells.get(f.cells[0]) ?? cells.set(f.cells[0], []).get(f.cells[0])!;
      texts.push(`${t(`severity.${f.severity}`)}: ${f.message[lang]}`);
    }
    let n = 0;
    try {
      for (const [sheet, cells] of bySheet) {
        await port.addNotes(sheet, Array.from(cells, ([address, texts]) => ({ address, text: `Báo cáo GD – ${texts.join('\n')}` })));
        n += cells.size;
      }
      setNotice(t('ui.check.annotated', { n: formatNumber(n) }));
    } catch (e) {
      setSelectError(errorText(e));
    }
  }

  const filtered = useMemo(() => {
    if (state.kind !== 'done') return [];
    const q = query.trim().toLocaleLowerCase('vi');
    return state.result.findings.filter(
      (f) => (severity === 'all' || f.severity === severity) && (!q || `${f.message[lang]} ${f.rule} ${f.sheet ?? ''} ${f.cells.join(' ')}`.toLocaleLowerCase('vi').includes(q)),
    );
  }, [state, severity, query, lang]);

  if (!port) return <MessageBar intent="warning"><MessageBarBody>{t('ui.no_workbook')}</MessageBarBody></MessageBar>;

  return (
    <div className={styles.root}>
      <Text>{t('ui.check.intro')}</Text>
      <div>
        <Button appearance="primary" onClick={run} disabled={state.kind === 'loading'} data-testid="check-run">
          {state.kind === 'done' || state.kind === 'error' ? t('ui.check.rerun') : t('ui.check.run')}
        </Button>
      </div>
      {state.kind === 'loading' && <Spinner size="small" label={t('ui.check.running')} />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={run} />}
      {state.kind === 'done' && (
        <CheckResults
          result={state.result}
          filtered={filtered}
          severity={severity}
          setSeverity={setSeverity}
          query={query}
          setQuery={setQuery}
          onGoTo={goTo}
          onHighlight={port.highlightCells ? () => highlight(filtered) : undefined}
          onAnnotate={port.addNotes ? () => annotate(filtered) : undefined}
        />
      )}
      {selectError && (
        <MessageBar intent="error">
          <MessageBarBody>{selectError}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function CheckResults(props: {
  result: CheckResult;
  filtered: Finding[];
  severity: Severity | 'all';
  setSeverity: (s: Severity | 'all') => void;
  query: string;
  setQuery: (q: string) => void;
  onGoTo: (f: Finding) => void;
  onHighlight?: () => void;
  onAnnotate?: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useT();
  const { result, filtered } = props;
  const counts = countBySeverity(result.findings);
  return (
    <>
      <section aria-label={t('ui.check.recognised', { n: result.recognised.length })} data-testid="recognised">
        <Text weight="semibold">{t('ui.check.recognised', { n: formatNumber(result.recognised.length) })}</Text>
        {result.recognised.length === 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('ui.check.no_template')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ul className={styles.list}>
            {result.recognised.map((r) => (
              <li key={r.sheet}>{t('ui.check.recognised_row', { sheet: r.sheet, template: r.title[lang], rows: formatNumber(r.rows) })}</li>
            ))}
          </ul>
        )}
        {result.unrecognised.length > 0 && <Text className={styles.meta}>{t('ui.check.unrecognised', { sheets: result.unrecognised.join(', ') })}</Text>}
      </section>

      <Text weight="semibold" data-testid="check-summary">
        {result.findings.length === 0
          ? t('ui.check.clean')
          : t('ui.check.summary', { errors: formatNumber(counts.error), warnings: formatNumber(counts.warning), infos: formatNumber(counts.info) })}
      </Text>

      {result.findings.length > 0 && (
        <>
          <div className={styles.filters}>
            <Field label={t('ui.check.filter_severity')}>
              <Select value={props.severity} onChange={(_, d) => props.setSeverity(d.value as Severity | 'all')} data-testid="severity-filter">
                <option value="all">{t('ui.check.filter_all')}</option>
                <option value="error">{t('severity.error')}</option>
                <option value="warning">{t('severity.warning')}</option>
                <option value="info">{t('severity.info')}</option>
              </Select>
            </Field>
            <Field label={t('ui.check.filter_text')} style={{ flex: 1 }}>
              <Input value={props.query} onChange={(_, d) => props.setQuery(d.value)} data-testid="text-filter" />
            </Field>
          </div>
          {(props.onHighlight || props.onAnnotate) && filtered.length > 0 && (
            <div className={styles.filters}>
              {props.onHighlight && (
                <Button size="small" onClick={props.onHighlight}>
                  {t('ui.check.highlight')}
                </Button>
              )}
              {props.onAnnotate && (
                <Button size="small" onClick={props.onAnnotate}>
                  {t('ui.check.annotate')}
                </Button>
              )}
            </div>
          )}
          {filtered.length > MAX_SHOWN && (
            <Text className={styles.meta} data-testid="check-more">
              {t('ui.check.more', { shown: formatNumber(MAX_SHOWN), total: formatNumber(filtered.length) })}
            </Text>
          )}
          {filtered.length === 0 ? (
            <Text>{t('ui.check.no_match')}</Text>
          ) : (
            groupFindings(filtered.slice(0, MAX_SHOWN)).map((g) => (
              <section key={g.sheet ?? ''} aria-label={g.sheet ?? ''}>
                <div className={styles.group}>
                  {g.sheet ? t('ui.check.sheet_group', { sheet: g.sheet, n: formatNumber(g.items.length) }) : t('ui.check.workbook_group', { n: formatNumber(g.items.length) })}
                </div>
                <ul className={styles.list}>
                  {g.items.map((f, i) => (
                    <li key={`${f.rule}-${i}`}>
                      <FindingItem finding={f} onActivate={() => props.onGoTo(f)} />
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
    </>
  );
}

function FindingItem({ finding: f, onActivate }: { finding: Finding; onActivate: () => void }) {
  const styles = useStyles();
  const { t, lang } = useT();
  const target = f.sheet && f.cells.length ? `${f.sheet}!${f.cells[0]}` : null;
  const figures = figuresLine(f, t);
  const content = (
    <>
      <Badge appearance="tint" color={BADGE[f.severity]} size="small">
        {t(`severity.${f.severity}`)}
      </Badge>{' '}
      {f.message[lang]}
      <div className={styles.meta}>
        {target ? `${target}${f.cells.length > 1 ? ` (+${formatNumber(f.cells.length - 1)})` : ''}` : f.file}
        {figures ? ` · ${figures}` : ''}
        {f.source ? ` · ${t('ui.check.source', { source: f.source })}` : ''}
      </div>
    </>
  );
  if (!target) return <div className={styles.item} data-testid="finding">{content}</div>;
  return (
    <button type="button" className={styles.item} onClick={onActivate} title={t('ui.check.go_to', { cell: target })} data-testid="finding" data-cell={target}>
      {content}
    </button>
  );
}
