export * from './types';
export * from './findings';
export * from './format/vn';
export * from './i18n';
export * from './settings';
