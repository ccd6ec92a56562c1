import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { Finding } from '../../core/findings';
import { figureText } from '../../core/findings';
import { formatNumber } from '../../core/format/vn';
import { useT } from '../i18n';
import type { Translate } from '../i18n';

/** "Cần: 97,32%; có: 97,35%" for a finding with an expected figure (the same figures as the CLI), else null. */
export function figuresLine(f: Finding, t: Translate): string | null {
  const expected = figureText(f, 'expected');
  if (expected === null) return null;
  return t('ui.check.expected_actual', { expected, actual: figureText(f, 'actual') ?? '–' });
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <MessageBar intent="error" data-testid="error-state">
      <MessageBarBody>
        <MessageBarTitle>{t('ui.error.title')}</MessageBarTitle>
        {t('ui.error.detail', { detail: message })}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t('ui.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Notice({ intent, text, testId }: { intent: 'info' | 'success' | 'warning' | 'error'; text: string; testId?: string }) {
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

export function ProgressState({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div data-testid="progress">
      <Text>{label}</Text>
      <ProgressBar value={total > 0 ? done / total : undefined} max={1} aria-valuetext={`${formatNumber(done)}/${formatNumber(total)}`} />
    </div>
  );
}
