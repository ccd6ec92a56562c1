import { useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, Switch, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber, formatPercentOf } from '../../core/format/vn';
import { parseVnNumber } from '../../core/parse';
import type { DocumentSettings, Hierarchy, ThresholdOverride } from '../../core/settings';
import type { TemplateId } from '../../core/sheets/types';
import { errorText, useApp } from '../appContext';
import { useT } from '../i18n';
import { Notice } from './common';

/** The report's frame (Nghị định 30/2020/NĐ-CP, Phụ lục I), saved once; blank = from the title block or left for hand. */
const FRAME_TEXT: (keyof DocumentSettings)[] = ['parentBody', 'issuingBody', 'unitName', 'symbol', 'place', 'subject', 'signerAuthority', 'signerTitle', 'signerName', 'number', 'date'];
const FRAME_LISTS: ('recipients' | 'copyTo')[] = ['recipients', 'copyTo'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', justifyContent: 'space-between' },
  form: { display: 'flex', flexDirection: 'column', gap: '6px', padding: '8px', minWidth: 0, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function SettingsTab() {
  const styles = useStyles();
  const { port, services, settings, setSettings } = useApp();
  const { t, lang } = useT();
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const thresholds = services.thresholds();
  const [pick, setPick] = useState(0);
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);

  async function insertTemplate(id: TemplateId) {
    if (!port) return;
    try {
      const r = await port.writeSheet(services.templatePlan(id, lang));
      setNotice({ intent: 'success', text: t('ui.settings.template_inserted', { sheet: r.sheetName }) });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  }

  function addOverride() {
    const parsed = parseVnNumber(percent.replace(/%$/, ''), false);
    const base = thresholds[pick];
    if (!parsed || parsed.value < 0 || parsed.value > 100 || !base) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const o: ThresholdOverride = { indicator: base.indicator, level: base.level, percent: parsed.value, ...(note.trim() ? { note: note.trim() } : {}) };
    const rest = settings.thresholdOverrides.filter((x) => !(x.indicator === o.indicator && x.level === o.level && !x.dbkk));
    setSettings({ ...settings, thresholdOverrides: [...rest, o] });
    setPercent('');
    setNote('');
  }

  // The lists are edited as text (one per line) and saved as lists: the text itself is kept while typing.
  const [listText, setListText] = useState<Record<string, string>>(() => Object.fromEntries(FRAME_LISTS.map((k) => [k, (settings.document[k] ?? []).join('\n')])));
  const setFrame = (key: keyof DocumentSettings, value: string | string[]) => {
    const doc: DocumentSettings = { ...settings.document };
    const empty = Array.isArray(value) ? !value.length : !value.trim();
    if (empty) delete doc[key];
    else (doc as Record<string, string | string[]>)[key] = value;
    setSettings({ ...settings, document: doc });
  };

  const removeOverride = (i: number) => setSettings({ ...settings, thresholdOverrides: settings.thresholdOverrides.filter((_, j) => j !== i) });

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-label={t('ui.settings.templates')}>
        <Text weight="semibold">{t('ui.settings.templates')}</Text>
        <Text className={styles.meta}>{t('ui.settings.templates_intro')}</Text>
        <ul className={styles.list}>
          {services.templates().map((tpl) => (
            <li key={tpl.id} className={styles.row}>
              <span>{tpl.title[lang]}</span>
              <Button size="small" disabled={!port} onClick={() => insertTemplate(tpl.id)} aria-label={`${t('ui.settings.insert_template')}: ${tpl.title[lang]}`} data-testid={`template-${tpl.id}`}>
                {t('ui.settings.insert_template')}
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section}>
        <Field label={t('ui.settings.hierarchy')}>
          <RadioGroup value={settings.hierarchy} onChange={(_, d) => setSettings({ ...settings, hierarchy: d.value as Hierarchy })} data-testid="hierarchy">
            <Radio value="xa-huyen-tinh" label={t('ui.settings.hierarchy.xa-huyen-tinh')} />
            <Radio value="xa-tinh" label={t('ui.settings.hierarchy.xa-tinh')} />
          </RadioGroup>
        </Field>
      </section>

      <section className={styles.section} aria-label={t('ui.settings.thresholds')}>
        <Text weight="semibold">{t('ui.settings.thresholds')}</Text>
        {settings.thresholdOverrides.length === 0 ? (
          <Text className={styles.meta}>{t('ui.settings.thresholds_none')}</Text>
        ) : (
          <ul className={styles.list} data-testid="overrides">
            {settings.thresholdOverrides.map((o, i) => {
              const legal = thresholds.find((x) => x.indicator === o.indicator && x.level === o.level);
              return (
                <li key={`${o.indicator}-${o.level}-${i}`} className={styles.row}>
                  <span>
                    {t('ui.settings.threshold_row', {
                      indicator: legal ? legal.label[lang] : o.indicator,
                      level: formatNumber(o.level),
                      percent: formatNumber(o.percent, { decimals: 2, keepTrailingZeros: false }),
                      legal: legal ? formatNumber(legal.percent, { decimals: 2, keepTrailingZeros: false }) : '–',
                      source: legal?.source ?? '–',
                    })}
                    {o.note ? <div className={styles.meta}>{o.note}</div> : null}
                  </span>
                  <Button size="small" onClick={() => removeOverride(i)}>
                    {t('ui.settings.threshold_remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <div className={styles.form}>
          <Field label={t('ui.settings.threshold_indicator')}>
            <Select value={String(pick)} onChange={(_, d) => setPick(Number(d.value))} data-testid="override-indicator" style={{ maxWidth: '100%', minWidth: 0 }}>
              {thresholds.map((x, i) => (
                <option key={`${x.indicator}-${x.level}`} value={i}>
                  {`${x.label[lang]} – ${t('ui.settings.threshold_level')} ${x.level} (${formatNumber(x.percent, { decimals: 2, keepTrailingZeros: false })}%, ${x.source})`}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('ui.settings.threshold_percent')} validationMessage={invalid ? t('ui.settings.threshold_invalid') : undefined}>
            <Input value={percent} onChange={(_, d) => setPercent(d.value)} data-testid="override-percent" />
          </Field>
          <Field label={t('ui.settings.threshold_note')}>
            <Input value={note} onChange={(_, d) => setNote(d.value)} data-testid="override-note" />
          </Field>
          <div>
            <Button onClick={addOverride} data-testid="override-add">
              {t('ui.settings.threshold_add')}
            </Button>
          </div>
        </div>
      </section>

      <section className={styles.section} aria-label={t('ui.settings.frame')} data-testid="frame-settings">
        <Text weight="semibold">{t('ui.settings.frame')}</Text>
        <Text className={styles.meta}>{t('ui.settings.frame_intro')}</Text>
        {FRAME_TEXT.map((k) => (
          <Field key={k} label={t(`ui.settings.frame.${k}`)}>
            <Input value={String(settings.document[k] ?? '')} onChange={(_, d) => setFrame(k, d.value)} data-testid={`frame-${k}`} />
          </Field>
        ))}
        {FRAME_LISTS.map((k) => (
          <Field key={k} label={t(`ui.settings.frame.${k}`)} hint={t('ui.settings.frame_one_per_line')}>
            <Textarea
              value={listText[k] ?? ''}
              onChange={(_, d) => {
                setListText({ ...listText, [k]: d.value });
                setFrame(k, d.value.split('\n').map((x) => x.trim()).filter(Boolean));
              }}
              data-testid={`frame-${k}`}
            />
          </Field>
        ))}
      </section>

      <section className={styles.section} aria-label={t('ui.settings.numbers')}>
        <Text weight="semibold">{t('ui.settings.numbers')}</Text>
        <Field label={t('ui.settings.rate_decimals')}>
          <Select value={String(settings.rateDecimals)} onChange={(_, d) => setSettings({ ...settings, rateDecimals: Number(d.value) })} data-testid="rate-decimals">
            {[0, 1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Switch checked={settings.leadingZero} label={t('ui.settings.leading_zero')} onChange={(_, d) => setSettings({ ...settings, leadingZero: d.checked })} data-testid="leading-zero" />
        <Text className={styles.meta} data-testid="number-example">
          {t('ui.settings.example', {
            example: `${formatPercentOf(9022, 9265, settings.rateDecimals)}; ${formatNumber(2, { leadingZero: settings.leadingZero })} trường; ${formatNumber(26254)}`,
          })}
        </Text>
      </section>
      {notice && <Notice intent={notice.intent} text={notice.text} testId="settings-notice" />}
    </div>
  );
}
