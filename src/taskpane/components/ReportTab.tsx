import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../core/format/vn';
import { SECTION_ORDER, type ReportParagraph, type ReportSection, type ReportTable, type SectionId } from '../../core/report/model';
import { errorText, useApp } from '../appContext';
import { useT } from '../i18n';
import { ClipboardBlockedError, copyToClipboard, downloadBlob, readFileBytes, selectContents } from '../services/browser';
import { UnavailableError, WORKBOOK_FILE_ACCEPT, type ClipboardContent, type ReportBuild } from '../services/types';
import { ErrorState, Notice } from './common';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  sections: { display: 'flex', flexDirection: 'column' },
  preview: { display: 'flex', flexDirection: 'column', gap: '8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& td, & th': { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px' } },
  num: { textAlign: 'right' },
  block: { display: 'flex', flexDirection: 'column', gap: '4px', overflowX: 'auto' },
});

type State = { kind: 'idle' } | { kind: 'building' } | { kind: 'ready'; build: ReportBuild } | { kind: 'error'; message: string } | { kind: 'unavailable' };

export function ReportTab() {
  const styles = useStyles();
  const { port, services, settings, delivery } = useApp();
  const { t, lang } = useT();
  const [manualCopy, setManualCopy] = useState<ClipboardContent | null>(null);
  const [noDownload, setNoDownload] = useState(false);
  const [sections, setSections] = useState<SectionId[]>(SECTION_ORDER.slice());
  const [years, setYears] = useState(2);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [previous, setPrevious] = useState<File[]>([]);
  const previousRef = useRef<HTMLInputElement>(null);
  // An office's own Word frame (.docx/.dotx with {{noi_dung}} …): replaces the NĐ 30 frame in the .docx.
  const [template, setTemplate] = useState<{ name: string; bytes: Uint8Array; missing: string[] } | null>(null);
  const templateRef = useRef<HTMLInputElement>(null);

  async function chooseTemplate(file: File | undefined) {
    if (!file) return;
    setNotice(null);
    try {
      const bytes = new Uint8Array(await readFileBytes(file));
      const r = await services.inspectDocTemplate(bytes);
      if (r.ok) setTemplate({ name: file.name, bytes, missing: r.missing });
      else {
        setTemplate(null);
        setNotice({ intent: 'error', text: t(r.reason === 'no_body' ? 'ui.report.template_no_body' : 'ui.report.template_not_word', { file: file.name }) });
      }
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  }

  async function build() {
    if (!port || sections.length === 0) return;
    setNotice(null);
    setState({ kind: 'building' });
    try {
      const snapshot = await port.readSheets();
      const prev = await Promise.all(previous.map(async (f) => ({ name: f.name, data: await readFileBytes(f) })));
      const b = await services.buildReport(snapshot, settings, { sections, years, lang, previous: prev });
      setState({ kind: 'ready', build: b });
    } catch (e) {
      setState(e instanceof UnavailableError ? { kind: 'unavailable' } : { kind: 'error', message: errorText(e) });
    }
  }

  async function insert(b: ReportBuild) {
    if (!port) return;
    try {
      const r = await port.writeSheet(b.plan);
      setNotice({ intent: 'success', text: t('ui.report.inserted', { sheet: r.sheetName, cells: formatNumber(r.cellsWritten) }) });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  }

  async function docx(b: ReportBuild) {
    if (delivery.kind !== 'download') {
      setNoDownload(true);
      return;
    }
    try {
      const blob = await services.reportDocx(b.model, settings, template?.bytes);
      downloadBlob(blob, `${b.plan.name}.docx`);
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof UnavailableError ? t('ui.report.unavailable') : errorText(e) });
    }
  }

  async function copy(content: ClipboardContent) {
    setManualCopy(null);
    try {
      await copyToClipboard(content);
      setNotice({ intent: 'success', text: t('ui.report.copied') });
    } catch (e) {
      // The webview blocks both clipboard paths: show the content selected, for the user's own Ctrl+C.
      if (e instanceof ClipboardBlockedError) setManualCopy(e.content);
      else setNotice({ intent: 'error', text: t('ui.report.copy_failed', { detail: errorText(e) }) });
    }
  }

  if (!port) return <Notice intent="warning" text={t('ui.no_workbook')} />;

  const toggle = (id: SectionId, on: boolean) => setSections((s) => (on ? SECTION_ORDER.filter((x) => x === id || s.includes(x)) : s.filter((x) => x !== id)));

  return (
    <div className={styles.root}>
      <Text>{t('ui.report.intro')}</Text>
      <fieldset className={styles.sections} style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend>
          <Text weight="semibold">{t('ui.report.sections')}</Text>
        </legend>
        {SECTION_ORDER.map((id) => (
          <Checkbox key={id} label={t(`ui.report.section.${id}`)} checked={sections.includes(id)} onChange={(_, d) => toggle(id, !!d.checked)} data-testid={`section-${id}`} />
        ))}
      </fieldset>
      <Field label={t('ui.report.years')}>
        <Select value={String(years)} onChange={(_, d) => setYears(Number(d.value))} data-testid="report-years">
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {formatNumber(n)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <input
          ref={previousRef}
          type="file"
          accept={WORKBOOK_FILE_ACCEPT}
          multiple
          hidden
          data-testid="report-previous"
          onChange={(e) => setPrevious(Array.from(e.target.files ?? []))}
        />
        <Button size="small" onClick={() => previousRef.current?.click()}>
          {t('ui.report.previous')}
        </Button>
        <Text size={200} data-testid="report-previous-chosen">
          {previous.length ? previous.map((f) => f.name).join(', ') : t('ui.report.previous_none')}
        </Text>
      </div>
      <div className={styles.row}>
        <input
          ref={templateRef}
          type="file"
          accept=".docx,.dotx"
          hidden
          data-testid="report-template"
          onChange={(e) => {
            void chooseTemplate(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button size="small" onClick={() => templateRef.current?.click()}>
          {t('ui.report.template')}
        </Button>
        {template && (
          <Button size="small" appearance="subtle" onClick={() => setTemplate(null)} data-testid="report-template-clear">
            {t('ui.report.template_clear')}
          </Button>
        )}
        <Text size={200} data-testid="report-template-chosen">
          {template
            ? t('ui.report.template_chosen', { file: template.name, missing: template.missing.length ? template.missing.map((k) => `{{${k}}}`).join(', ') : t('ui.report.template_all') })
            : t('ui.report.template_none')}
        </Text>
      </div>
      {sections.length === 0 && <Notice intent="warning" text={t('ui.report.no_sections')} />}
      <div className={styles.row}>
        <Button appearance="primary" onClick={build} disabled={sections.length === 0 || state.kind === 'building'} data-testid="report-build">
          {t('ui.report.build')}
        </Button>
      </div>
      {state.kind === 'building' && <Spinner size="small" label={t('ui.report.building')} />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={build} />}
      {state.kind === 'unavailable' && <Notice intent="warning" text={t('ui.report.unavailable')} testId="report-unavailable" />}
      {state.kind === 'ready' && (
        <div className={styles.preview} data-testid="report-preview">
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => insert(state.build)} data-testid="report-insert">
              {t('ui.report.insert')}
            </Button>
            <Button onClick={() => docx(state.build)} data-testid="report-docx">
              {t('ui.report.docx')}
            </Button>
          </div>
          {noDownload && (
            <div data-testid="report-no-download" className={styles.block}>
              <Notice intent="warning" text={t(delivery.kind === 'open-browser' ? 'ui.report.no_download_browser' : 'ui.report.no_download')} />
              {delivery.kind === 'open-browser' && (
                <div>
                  <Button onClick={delivery.openApp} data-testid="report-open-browser">
                    {t('ui.report.open_browser')}
                  </Button>
                </div>
              )}
            </div>
          )}
          {manualCopy && <ManualCopy content={manualCopy} onClose={() => setManualCopy(null)} />}
          {state.build.model.sections.length === 0 && <Notice intent="warning" text={t('ui.report.empty')} />}
          {state.build.model.skippedSections.length > 0 && (
            <Text size={200}>{t('ui.report.skipped', { sections: state.build.model.skippedSections.map((s) => s.title).join('; ') })}</Text>
          )}
          {state.build.model.findings.length > 0 && <Text size={200}>{t('ui.report.open_findings', { n: formatNumber(state.build.model.findings.length) })}</Text>}
          {state.build.model.sections.map((s) => (
            <SectionPreview key={s.id} section={s} onCopy={copy} />
          ))}
        </div>
      )}
      {notice && <Notice intent={notice.intent} text={notice.text} testId="report-notice" />}
    </div>
  );
}

/** The copied content, rendered and selected: Ctrl+C (⌘C) copies it with its formatting. */
function ManualCopy({ content, onClose }: { content: ClipboardContent; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) selectContents(ref.current);
  }, [content]);
  return (
    <div className={styles.block} data-testid="report-manual-copy">
      <Notice intent="info" text={t('ui.report.copy_manual')} />
      <div
        ref={ref}
        role="region"
        aria-label={t('ui.report.copy_manual_region')}
        tabIndex={0}
        onFocus={(e) => selectContents(e.currentTarget)}
        style={{ border: `1px dashed ${tokens.colorNeutralStroke1}`, padding: '4px', userSelect: 'text' }}
        // Our own HTML from core/report/html (every text escaped).
        dangerouslySetInnerHTML={{ __html: content.html }}
      />
      <div>
        <Button size="small" onClick={onClose}>
          {t('ui.report.copy_manual_close')}
        </Button>
      </div>
    </div>
  );
}

function SectionPreview({ section, onCopy }: { section: ReportSection; onCopy: (c: ClipboardContent) => void }) {
  const styles = useStyles();
  const { services } = useApp();
  const { t } = useT();
  return (
    <section aria-label={section.title}>
      <Text weight="semibold" as="h3">
        {section.title}
      </Text>
      {section.content.map((ref, i) =>
        ref.type === 'table' ? (
          <TableBlock key={i} table={section.tables[ref.index]} onCopy={() => onCopy(services.tableClipboard(section.tables[ref.index]))} copyLabel={t('ui.report.copy')} />
        ) : (
          <ParagraphBlock key={i} p={section.paragraphs[ref.index]} onCopy={() => onCopy(services.paragraphClipboard(section.paragraphs[ref.index]))} copyLabel={t('ui.report.copy')} />
        ),
      )}
    </section>
  );
}

function TableBlock({ table, onCopy, copyLabel }: { table: ReportTable; onCopy: () => void; copyLabel: string }) {
  const styles = useStyles();
  return (
    <div className={styles.block} data-testid="report-table">
      <div className={styles.row}>
        <Text size={200} weight="semibold">
          {table.title}
        </Text>
        <Button size="small" onClick={onCopy} aria-label={`${copyLabel}: ${table.title}`}>
          {copyLabel}
        </Button>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} style={table.totalRows?.includes(r) ? { fontWeight: 600 } : undefined}>
              {row.map((cell, c) => (
                <td key={c} className={cell.kind === 'count' || cell.kind === 'rate' || cell.kind === 'ratio' ? styles.num : undefined}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ParagraphBlock({ p, onCopy, copyLabel }: { p: ReportParagraph; onCopy: () => void; copyLabel: string }) {
  const styles = useStyles();
  return (
    <div className={styles.block} data-testid="report-paragraph">
      <Text size={200} italic={p.kind === 'blocked' || p.kind === 'note'}>
        {p.kind === 'bullet' ? `- ${p.text}` : p.text}
      </Text>
      <div>
        <Button size="small" appearance="subtle" onClick={onCopy}>
          {copyLabel}
        </Button>
      </div>
    </div>
  );
}
