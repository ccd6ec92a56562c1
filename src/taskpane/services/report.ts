/** Adapter to the report builder and its renderers (src/core/report, src/render). */
import type { Settings } from '../../core/settings';
import type { WorkbookSnapshot } from '../../core/types';
import { checkSnapshot } from '../../core/rules';
import { buildReport } from '../../core/report/build';
import type { ReportModel } from '../../core/report/model';
import { reportToSheetPlan } from '../../core/report/sheetPlan';
import type { ReportBuild, ReportRequest } from './types';

export async function buildReportBuild(snapshot: WorkbookSnapshot, settings: Settings, req: ReportRequest): Promise<ReportBuild> {
  const { parsed, findings } = checkSnapshot(snapshot, { settings });
  const previous = [];
  if (req.previous?.length) {
    const { xlsxToSnapshot } = await import('../workers/xlsx');
    for (const f of req.previous) previous.push(checkSnapshot(await xlsxToSnapshot(f.name, f.data), { settings }).parsed);
  }
  const full = buildReport({ current: parsed, previous, findings, settings, lang: req.lang, maxYears: req.years });
  const chosen = new Set(req.sections);
  const model: ReportModel = {
    ...full,
    sections: full.sections.filter((s) => chosen.has(s.id)),
    skippedSections: full.skippedSections.filter((s) => chosen.has(s.id)),
  };
  return { model, plan: reportToSheetPlan(model) };
}

/** .docx bytes; the docx package loads only when the user asks for the file. */
export async function renderDocx(model: ReportModel, template?: Uint8Array): Promise<Blob> {
  const { reportToDocx } = await import(/* webpackChunkName: "docx" */ '../../render/docx');
  const bytes = await reportToDocx(model, { template });
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
