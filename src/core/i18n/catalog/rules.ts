import type { Bilingual } from '../../findings';

/** Messages of the validation rules (src/core/rules). Numbers arrive already formatted. */
export const rules: Record<string, Bilingual> = {};
