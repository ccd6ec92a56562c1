/**
 * The real Services: thin adapters over src/core. Heavy or optional parts (docx, ExcelJS, the
 * cross-check worker) are loaded with dynamic import() so they stay out of the initial bundle.
 */
import type { Lang } from '../../core/findings';
import type { Settings } from '../../core/settings';
import type { SheetPlan, WorkbookSnapshot } from '../../core/types';
import type { TemplateId } from '../../core/sheets/types';
import { checkSnapshot } from '../../core/rules';
import { paragraphToHtml, paragraphToText, tableToHtml, tableToText } from '../../core/report/html';
import { TEMPLATES, TEMPLATE_BY_ID } from '../../core/sheets/templates';
import { templateLayout } from '../../core/sheets/layout';
import { INDICATOR_RULES } from '../../core/indicators/thresholds';
import type { ReportParagraph, ReportTable } from '../../core/report/model';
import { buildReportBuild, renderDocx } from './report';
import type { CheckResult, ClipboardContent, Services, TemplateInfo, ThresholdInfo } from './types';

export function tableToClipboard(table: ReportTable): ClipboardContent {
  return { html: tableToHtml(table), text: tableToText(table) };
}

export function paragraphToClipboard(p: ReportParagraph): ClipboardContent {
  return { html: paragraphToHtml(p), text: paragraphToText(p) };
}

/** A blank template from the core layout (shared with the CLI), without its sample row: the pane writes into a real workbook. */
export function blankTemplatePlan(id: TemplateId, _lang: Lang, schoolYear?: string): SheetPlan {
  return templateLayout(id, { sample: false, ...(schoolYear ? { schoolYear } : {}) });
}

export function check(snapshot: WorkbookSnapshot, settings: Settings): CheckResult {
  const { parsed, findings } = checkSnapshot(snapshot, { settings });
  return {
    file: parsed.file,
    recognised: parsed.sheets.map((s) => ({
      sheet: s.sheetName,
      template: s.template,
      title: { vi: TEMPLATE_BY_ID[s.template].title, en: TEMPLATE_BY_ID[s.template].titleEn },
      rows: s.records.length,
    })),
    unrecognised: parsed.unrecognised,
    findings,
  };
}

export function thresholdList(): ThresholdInfo[] {
  const out: ThresholdInfo[] = [];
  for (const rule of Object.values(INDICATOR_RULES)) {
    if (rule.kind !== 'threshold') continue;
    for (const [level, th] of Object.entries(rule.levels)) {
      if (!th) continue;
      out.push({ indicator: rule.id, label: { vi: rule.labelVi, en: rule.labelEn }, level: Number(level), percent: th.normal, source: th.source });
    }
  }
  return out;
}

export const engineServices: Services = {
  async check(snapshot, settings) {
    return check(snapshot, settings);
  },
  async buildReport(snapshot, settings, req) {
    return buildReportBuild(snapshot, settings, req);
  },
  async reportDocx(model, _settings, template) {
    return renderDocx(model, template);
  },
  async inspectDocTemplate(bytes) {
    const { inspectTemplate } = await import(/* webpackChunkName: "docx" */ '../../render/docx');
    return inspectTemplate(bytes);
  },
  tableClipboard: tableToClipboard,
  paragraphClipboard: paragraphToClipboard,
  async crossCheck(master, files, settings, onProgress) {
    const { runCrossCheckInWorker } = await import('./crosscheckClient');
    return runCrossCheckInWorker(master, files, settings, onProgress);
  },
  templates(): TemplateInfo[] {
    return TEMPLATES.map((t) => ({ id: t.id, title: { vi: t.title, en: t.titleEn } }));
  },
  templatePlan: blankTemplatePlan,
  thresholds: thresholdList,
};
