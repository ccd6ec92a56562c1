/**
 * One parser per kind of value a person types (ARCHITECTURE "One parser per kind of value"):
 * Vietnamese numbers, levels, yes/no words, school years. The sheet reader, the GD.* functions,
 * the settings, the task pane and the command line all read through these.
 */
export { parseVnNumber } from './number';
export type { ParsedNumber } from './number';
export { parseLevel } from './level';
export { parseYesNo } from './yesNo';
export { parseSchoolYear, schoolYearText } from './schoolYear';
export type { SchoolYearParse } from './schoolYear';
