import { useState } from 'react';
import { Button, FluentProvider, Tab, TabList, Text, makeStyles, tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import type { Lang } from '../../core/findings';
import type { Settings } from '../../core/settings';
import type { WorkbookPort } from '../../core/types';
import { AppContext, useApp, type AppEnv } from '../appContext';
import { LangContext, useT } from '../i18n';
import type { FileDelivery, Services } from '../services/types';
import { CheckTab } from './CheckTab';
import { CrossCheckTab } from './CrossCheckTab';
import { RegisterTab } from './RegisterTab';
import { ReportTab } from './ReportTab';
import { SettingsTab } from './SettingsTab';
import { Notice } from './common';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', background: tokens.colorNeutralBackground2 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '8px 12px', background: tokens.colorNeutralBackground1 },
  panel: { padding: '10px 12px', display: 'flex', flexDirection: 'column', gap: '10px' },
});

export type TabId = 'check' | 'crosscheck' | 'register' | 'report' | 'settings';
const TABS: TabId[] = ['check', 'crosscheck', 'register', 'report', 'settings'];

export interface AppProps {
  port: WorkbookPort | null;
  services: Services;
  customFunctions: boolean;
  initialSettings: Settings;
  onSettingsChange?: (s: Settings) => void;
  theme?: Theme;
  initialTab?: TabId;
  /** Downloads by default (browsers, Excel on Windows and the web). */
  delivery?: FileDelivery;
  /** 'browser' in the standalone app: no custom functions to announce. */
  host?: 'excel' | 'browser';
}

export function App(props: AppProps) {
  const [settings, setSettingsState] = useState(props.initialSettings);
  const setSettings = (s: Settings) => {
    setSettingsState(s);
    props.onSettingsChange?.(s);
  };
  const env: AppEnv = { port: props.port, services: props.services, customFunctions: props.customFunctions, settings, setSettings, delivery: props.delivery ?? { kind: 'download' }, host: props.host ?? 'excel' };
  return (
    <FluentProvider theme={props.theme ?? webLightTheme}>
      <LangContext.Provider value={settings.lang}>
        <AppContext.Provider value={env}>
          <Shell initialTab={props.initialTab ?? 'check'} onLang={(lang: Lang) => setSettings({ ...settings, lang })} />
        </AppContext.Provider>
      </LangContext.Provider>
    </FluentProvider>
  );
}

function Shell({ initialTab, onLang }: { initialTab: TabId; onLang: (l: Lang) => void }) {
  const styles = useStyles();
  const { t, lang } = useT();
  const [tab, setTab] = useState<TabId>(initialTab);
  const env = useApp();
  return (
    <div className={styles.root} lang={lang}>
      <header className={styles.header}>
        <div>
          <Text as="h1" weight="semibold" size={400} block>
            {t('ui.app.title')}
          </Text>
          <Text size={200}>{t('ui.app.subtitle')}</Text>
        </div>
        <Button size="small" onClick={() => onLang(lang === 'vi' ? 'en' : 'vi')} aria-label={t('ui.lang.switch_label')} data-testid="lang-switch">
          {t('ui.lang.switch')}
        </Button>
      </header>
      {!env.customFunctions && env.port && env.host === 'excel' && (
        <div style={{ padding: '8px 12px 0' }}>
          <Notice intent="info" text={t('ui.cf.unavailable')} testId="cf-notice" />
        </div>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small" style={{ padding: '4px 8px' }}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} data-testid={`tab-${id}`}>
            {t(`ui.tab.${id}`)}
          </Tab>
        ))}
      </TabList>
      {TABS.map((id) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id} className={tab === id ? styles.panel : undefined}>
          {id === 'check' && <CheckTab />}
          {id === 'crosscheck' && <CrossCheckTab />}
          {id === 'register' && <RegisterTab />}
          {id === 'report' && <ReportTab />}
          {id === 'settings' && <SettingsTab />}
        </div>
      ))}
    </div>
  );
}
