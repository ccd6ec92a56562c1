import { useState } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../core/format/vn';
import type { Finding } from '../../core/findings';
import { errorText, useApp } from '../appContext';
import { useT } from '../i18n';
import { Notice } from './common';
import type { OpenRegisterResult } from '../../core/register/openWorkbook';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& td, & th': { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px' } },
  list: { margin: 0, paddingLeft: '16px', fontSize: tokens.fontSizeBase200, maxHeight: '240px', overflowY: 'auto' },
  link: { cursor: 'pointer', textDecoration: 'underline' },
});

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'ready'; result: OpenRegisterResult; sheet: string; syncs: number }
  | { kind: 'none' }
  | { kind: 'error'; message: string };

const PROGRAMMES = ['MN5', 'TH', 'THCS', 'XMC'] as const;

/**
 * "Phổ cập": the open workbook's household register (MauNhapLieu / DATA) → the commune's counts,
 * levels and findings; then the PC_* summary, the PCGD forms and Tổng hợp as new sheets. The
 * register itself is never written to.
 */
export function RegisterTab() {
  const styles = useStyles();
  const { port, settings } = useApp();
  const { t, lang } = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  async function compute() {
    if (!port?.readSelected) {
      setState({ kind: 'error', message: t('ui.register.unsupported') });
      return;
    }
    setNotice(null);
    setState({ kind: 'reading' });
    try {
      const m = await import(/* webpackChunkName: "register" */ '../../core/register/openWorkbook');
      const read = await port.readSelected(m.HEAD_ROWS, m.planRegisterRead);
      if (!read) {
        setState({ kind: 'none' });
        return;
      }
      const result = m.registerFromOpenWorkbook(read.head, read.plan, read.rows, { workbookName: read.plan.sheet, settings, lang });
      setState(result ? { kind: 'ready', result, sheet: read.plan.sheet, syncs: read.syncs } : { kind: 'none' });
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) });
    }
  }

  async function insert(result: OpenRegisterResult) {
    if (!port) return;
    try {
      const names: string[] = [];
      for (const plan of result.plans) names.push((await port.writeSheet(plan)).sheetName);
      setNotice({ intent: 'success', text: t('ui.register.inserted', { n: names.length, sheets: names.join(', ') }) });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  }

  function select(f: Finding) {
    if (port && f.sheet && f.cells[0]) void port.selectCell(f.sheet, f.cells[0]).catch(() => undefined);
  }

  const level = (p: (typeof PROGRAMMES)[number], v: number | null | undefined) =>
    v === null || v === undefined ? t('ui.register.level.no_data') : v === 0 ? t('ui.register.level.none') : p === 'MN5' ? t('ui.register.level.met') : t('ui.register.level.k', { k: v });

  return (
    <div className={styles.root} data-testid="register-tab">
      <Text size={200}>{t('ui.register.intro')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={compute} disabled={!port || state.kind === 'reading'} data-testid="register-compute">
          {t('ui.register.compute')}
        </Button>
        {state.kind === 'ready' && (
          <Button onClick={() => insert(state.result)} data-testid="register-insert">
            {t('ui.register.insert')}
          </Button>
        )}
      </div>
      {state.kind === 'reading' && <Spinner size="tiny" label={t('ui.register.reading')} />}
      {state.kind === 'none' && <Notice intent="warning" text={t('ui.register.none')} testId="register-none" />}
      {state.kind === 'error' && <Notice intent="error" text={state.message} />}
      {notice && <Notice intent={notice.intent} text={notice.text} testId="register-notice" />}
      {state.kind === 'ready' && (
        <>
          <Text size={200} data-testid="register-summary">
            {t('ui.register.summary', {
              commune: state.result.commune.name, sheet: state.sheet, year: state.result.commune.year ?? '–',
              persons: formatNumber(state.result.commune.persons), excluded: formatNumber(state.result.commune.excluded),
              duplicates: formatNumber(state.result.commune.duplicates), syncs: state.syncs,
            })}
          </Text>
          <table className={styles.table} data-testid="register-levels">
            <tbody>
              {PROGRAMMES.map((p) => (
                <tr key={p}>
                  <th>{t(`ui.register.programme.${p}`)}</th>
                  <td>{level(p, state.result.levels.communes.get(state.result.commune.name)?.[p])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.result.findings.length > 0 && (
            <ul className={styles.list} data-testid="register-findings">
              {state.result.findings.slice(0, 500).map((f, i) => (
                <li key={i}>
                  <span className={f.cells.length ? styles.link : undefined} onClick={() => select(f)}>
                    {f.message[lang]}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <ul className={styles.list}>
            {state.result.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
