import { createContext, useCallback, useContext } from 'react';
import type { Lang } from '../core/findings';
import { t as translate } from '../core/i18n';

export const LangContext = createContext<Lang>('vi');

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The current language and a translator bound to it. */
export function useT(): { lang: Lang; t: Translate } {
  const lang = useContext(LangContext);
  const t = useCallback<Translate>((key, params) => translate(key, lang, params), [lang]);
  return { lang, t };
}
