/**
 * "Báo cáo GD trên trình duyệt": the same pane as in Excel, on a workbook picked from disk, beside a
 * grid of its cells. For offices on old Office, WPS Office or LibreOffice, and for a first try
 * without installing the add-in. No office.js: the workbook is a FileWorkbookPort; results are
 * downloaded as a new .xlsx (and the report as .docx from the Báo cáo tab).
 */
import { useRef, useState } from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../core/findings';
import { formatNumber } from '../../core/format/vn';
import { withDefaults, type Settings, type SettingsStore } from '../../core/settings';
import type { WorkbookSnapshot } from '../../core/types';
import { UnreadableFileError } from '../../xlsx/errors';
import { App } from '../components/App';
import { GRID_CSS, WorkbookGrid } from '../harness/HarnessGrid';
import { LangContext, useT } from '../i18n';
import { downloadBlob, readFileBytes } from '../services/browser';
import { WORKBOOK_FILE_ACCEPT, type Services } from '../services/types';
import { FileWorkbookPort, XLSX_MIME } from './fileWorkbook';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', background: tokens.colorNeutralBackground2 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 12px', padding: '8px 12px', background: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { marginRight: '8px' },
  grow: { flex: 1, minWidth: '200px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  body: { display: 'flex', flex: 1, minHeight: 0 },
  pane: { width: '400px', flex: 'none', overflow: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  grid: { flex: 1, overflow: 'auto', padding: '0 8px', background: tokens.colorNeutralBackground1 },
  empty: { padding: '24px', color: tokens.colorNeutralForeground3 },
});

type Opened = { kind: 'none' } | { kind: 'opening'; file: string } | { kind: 'open'; port: FileWorkbookPort; generation: number } | { kind: 'error'; file: string; reason: string };

export type ReadWorkbook = (name: string, data: ArrayBuffer) => Promise<WorkbookSnapshot>;

export interface AppPageProps {
  services: Services;
  /** Reads the picked file (src/xlsx through the pane's loader). */
  read: ReadWorkbook;
  store: SettingsStore;
}

export function AppPage(props: AppPageProps) {
  const [settings, setSettings] = useState<Settings>(() => withDefaults(props.store.load() ?? {}));
  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={settings.lang}>
        <Page {...props} settings={settings} onSettings={(s) => {
          setSettings(s);
          void props.store.save(s).catch(() => undefined);
        }} />
      </LangContext.Provider>
    </FluentProvider>
  );
}

function reasonOf(e: unknown, lang: Lang): string {
  if (e instanceof UnreadableFileError) return e.reason[lang];
  return e instanceof Error ? e.message : String(e);
}

function Page({ services, read, settings, onSettings }: AppPageProps & { settings: Settings; onSettings: (s: Settings) => void }) {
  const styles = useStyles();
  const { t, lang } = useT();
  const [opened, setOpened] = useState<Opened>({ kind: 'none' });
  const [, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const generation = useRef(0);

  async function open(file: File) {
    setNotice(null);
    setOpened({ kind: 'opening', file: file.name });
    try {
      const snapshot = await read(file.name, await readFileBytes(file));
      const port = new FileWorkbookPort(file.name, snapshot, { onChange: () => setTick((n) => n + 1) });
      generation.current++;
      setOpened({ kind: 'open', port, generation: generation.current });
    } catch (e) {
      setOpened({ kind: 'error', file: file.name, reason: reasonOf(e, lang) });
    }
  }

  async function download(port: FileWorkbookPort) {
    try {
      const bytes = await port.resultBytes();
      downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), port.resultFileName());
      setNotice(t('ui.app.downloaded', { file: port.resultFileName() }));
    } catch (e) {
      setNotice(t('ui.app.download_failed', { reason: reasonOf(e, lang) }));
    }
  }

  const port = opened.kind === 'open' ? opened.port : null;
  return (
    <div className={styles.page} lang={lang}>
      <style>{GRID_CSS}</style>
      <header className={styles.bar}>
        <Text as="h1" weight="semibold" size={400} className={styles.title}>
          {t('ui.app.browser_title')}
        </Text>
        <input
          ref={inputRef}
          type="file"
          hidden
          accept={WORKBOOK_FILE_ACCEPT}
          data-testid="app-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void open(f);
          }}
        />
        <Button appearance="primary" onClick={() => inputRef.current?.click()} data-testid="app-choose">
          {t('ui.app.choose')}
        </Button>
        <Button disabled={!port} onClick={() => port && void download(port)} data-testid="app-download">
          {t('ui.app.download')}
        </Button>
        <span className={styles.grow} data-testid="app-status">
          {opened.kind === 'none' && t('ui.app.intro')}
          {opened.kind === 'opening' && <Spinner size="tiny" label={t('ui.app.opening', { file: opened.file })} />}
          {opened.kind === 'open' && t('ui.app.opened', { file: opened.port.sourceName, sheets: formatNumber(opened.port.sheets.length) })}
        </span>
      </header>
      {opened.kind === 'error' && (
        <MessageBar intent="error" data-testid="app-error">
          <MessageBarBody>{t('ui.app.open_failed', { file: opened.file, reason: opened.reason })}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info" data-testid="app-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <div className={styles.pane}>
          <App
            key={opened.kind === 'open' ? opened.generation : 0}
            port={port}
            services={services}
            customFunctions={false}
            host="browser"
            initialSettings={settings}
            onSettingsChange={onSettings}
          />
        </div>
        <div className={styles.grid}>
          {port ? <WorkbookGrid port={port} onShowSheet={(n) => port.showSheet(n)} /> : <div className={styles.empty}>{t('ui.app.empty_grid')}</div>}
        </div>
      </div>
    </div>
  );
}
