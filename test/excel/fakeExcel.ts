/**
 * In-memory fake of the few Excel objects src/excel uses, with Office.js's load/sync discipline:
 * a loaded property can be read only after context.sync(), and every sync, 2-D assignment and
 * format change is counted so tests can enforce the performance rules (OFFICE-ADDIN-NOTES §5).
 */
import { toA1 } from '../../src/core/a1';
import { parseA1Range } from '../../src/core/a1';

type Cell = string | number | boolean | null | { error: string };

export interface Assignment {
  sheet: string;
  address: string;
  prop: 'values' | 'formulas' | 'numberFormat';
  rows: number;
  cols: number;
}
export interface FormatChange {
  sheet: string;
  address: string;
  prop: string;
  value: unknown;
}

class Loadable {
  private loaded = new Set<string>();
  private pending = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props?: string | string[]): this {
    const list = props === undefined ? ['*'] : Array.isArray(props) ? props : props.split(',');
    for (const p of list.map((x) => x.trim()).filter(Boolean)) {
      const [head, ...rest] = p.split('/');
      this.pending.add(head);
      if (rest.length) this.loadNested(head, rest.join('/'));
    }
    this.ctx.pendingLoads.add(this);
    return this;
  }
  /** Collections load their items' properties ("items/name"). */
  protected loadNested(_head: string, _rest: string): void {}
  get pendingProps(): ReadonlySet<string> {
    return this.pending;
  }
  /** A failed sync loads nothing. */
  drop(): void {
    this.pending.clear();
  }
  commit(): void {
    for (const p of this.pending) this.loaded.add(p);
    this.pending.clear();
  }
  protected guard(prop: string): void {
    if (!this.loaded.has(prop) && !this.loaded.has('*')) {
      throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${prop} read before load() + sync()`);
    }
  }
}

export class FakeContext {
  syncCount = 0;
  pendingLoads = new Set<Loadable>();
  assignments: Assignment[] = [];
  formats: FormatChange[] = [];
  merges: { sheet: string; address: string; across: boolean }[] = [];
  tables: { sheet: string; address: string; hasHeaders: boolean }[] = [];
  comments: { address: string; text: string }[] = [];
  suspended = { calculation: 0, screen: 0 };
  /** application.calculate(type) requests, applied at sync. */
  calculations: string[] = [];
  selected: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  readonly workbook: FakeWorkbook;

  constructor(name = 'Book1.xlsx') {
    this.workbook = new FakeWorkbook(this, name);
  }

  /** Like Excel on the web's 5 MB cap: a sync whose loaded data exceeds this many cell values fails. */
  payloadLimitCells = Infinity;
  /** The same for data written in one request; a refused request changes nothing. */
  requestLimitCells = Infinity;
  /** The same for the number of commands (formats, comments, assignments) in one request. */
  requestLimitOps = Infinity;
  /** Excel's read limit for one range: above it `values` (and the other data arrays) come back null. */
  readLimitCells = Infinity;
  pendingOpCount = 0;
  largestRequestOps = 0;
  /** Writes are applied at sync, as Office.js does; a refused batch is dropped. */
  pendingOps: (() => void)[] = [];
  pendingWriteCells = 0;
  addedThisBatch: FakeWorksheet[] = [];
  largestRequestCells = 0;
  private marks = { assignments: 0, formats: 0, merges: 0, tables: 0 };

  async sync(): Promise<void> {
    this.syncCount++;
    if (this.pendingWriteCells > this.requestLimitCells || this.pendingOpCount > this.requestLimitOps) {
      const sheets = this.workbook.worksheets.sheets;
      for (const ws of this.addedThisBatch) sheets.splice(sheets.indexOf(ws), 1);
      this.assignments.length = this.marks.assignments;
      this.formats.length = this.marks.formats;
      this.merges.length = this.marks.merges;
      this.tables.length = this.marks.tables;
      this.resetBatch();
      throw Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
    }
    this.largestRequestCells = Math.max(this.largestRequestCells, this.pendingWriteCells);
    this.largestRequestOps = Math.max(this.largestRequestOps, this.pendingOpCount);
    for (const op of this.pendingOps) op();
    this.resetBatch();
    let cells = 0;
    for (const l of this.pendingLoads) {
      if (!(l instanceof FakeRange)) continue;
      const props = ['values', 'valueTypes', 'formulas', 'numberFormat'].filter((p) => l.pendingProps.has(p)).length;
      const used = l.isNull || l.rows * l.cols > this.readLimitCells ? 0 : l.rows * l.cols;
      cells += props * used;
    }
    if (cells > this.payloadLimitCells) {
      for (const l of this.pendingLoads) l.drop();
      this.pendingLoads.clear();
      throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
    }
    for (const l of this.pendingLoads) l.commit();
    this.pendingLoads.clear();
  }

  private resetBatch(): void {
    this.pendingOps = [];
    this.pendingWriteCells = 0;
    this.pendingOpCount = 0;
    this.addedThisBatch = [];
    this.marks = { assignments: this.assignments.length, formats: this.formats.length, merges: this.merges.length, tables: this.tables.length };
  }
}

export class FakeWorkbook extends Loadable {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly comments: { add: (address: string, text: string) => void };
  constructor(ctx: FakeContext, private readonly _name: string) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.comments = {
      add: (address, text) => {
        ctx.pendingOpCount++;
        ctx.pendingOps.push(() => void ctx.comments.push({ address, text }));
      },
    };
  }
  get name(): string {
    this.guard('name');
    return this._name;
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.suspended.calculation++;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.suspended.screen++;
  }
  calculate(type: string): void {
    this.ctx.pendingOps.push(() => this.ctx.calculations.push(type));
  }
}

export class FakeWorksheetCollection extends Loadable {
  readonly sheets: FakeWorksheet[] = [];
  get items(): FakeWorksheet[] {
    this.guard('items');
    return this.sheets;
  }
  protected loadNested(_head: string, rest: string): void {
    for (const s of this.sheets) s.load(rest);
  }
  add(name: string): FakeWorksheet {
    if (this.sheets.some((s) => s.sheetName.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists`);
    }
    const ws = new FakeWorksheet(this.ctx, name);
    this.sheets.push(ws);
    this.ctx.addedThisBatch.push(ws);
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    const ws = this.sheets.find((s) => s.sheetName.toLowerCase() === name.toLowerCase());
    if (!ws) throw new Error(`ItemNotFound: ${name}`);
    return ws;
  }
  /** The sheet last activated, else the first (as a freshly opened workbook). */
  getActiveWorksheet(): FakeWorksheet {
    return this.sheets.find((s) => s.sheetName === this.ctx.activeSheet) ?? this.sheets[0];
  }
}

export class FakeWorksheet extends Loadable {
  /** Dense grid from A1. Error cells are {error}; formulas keep their text in `formulaGrid`. */
  grid: Cell[][] = [];
  formulaGrid: (string | null)[][] = [];
  formatGrid: (string | null)[][] = [];
  visibilityValue: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly tables = { add: (range: FakeRange | string, hasHeaders: boolean) => this.addTable(range, hasHeaders) };
  readonly freezePanes = { freezeRows: (n: number) => void this.ctx.formats.push({ sheet: this.sheetName, address: '', prop: 'freezeRows', value: n }) };

  constructor(ctx: FakeContext, public sheetName: string) {
    super(ctx);
  }
  get name(): string {
    this.guard('name');
    return this.sheetName;
  }
  get visibility(): string {
    this.guard('visibility');
    return this.visibilityValue;
  }
  private addTable(range: FakeRange | string, hasHeaders: boolean) {
    const address = typeof range === 'string' ? range : range.a1;
    this.ctx.tables.push({ sheet: this.sheetName, address, hasHeaders });
  }
  activate(): void {
    this.ctx.activeSheet = this.sheetName;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, row, col, rows, cols);
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, this, 0, 0, 1048576, 16384);
    const a = parseA1Range(address);
    if (!a) throw new Error(`InvalidArgument: ${address}`);
    return new FakeRange(this.ctx, this, a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    this.grid.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === '') return;
        top = Math.min(top, r); bottom = Math.max(bottom, r);
        left = Math.min(left, c); right = Math.max(right, c);
      }),
    );
    if (bottom < 0) return FakeRange.nullObject(this.ctx, this);
    return new FakeRange(this.ctx, this, top, left, bottom - top + 1, right - left + 1);
  }
  /** Test helper: put cells from a 2-D array at a 0-based position. */
  put(row: number, col: number, data: Cell[][], formulas?: (string | null)[][]): this {
    data.forEach((line, r) => line.forEach((v, c) => this.set(row + r, col + c, v, formulas?.[r]?.[c] ?? null)));
    return this;
  }
  set(row: number, col: number, v: Cell, formula: string | null = null, format?: string): void {
    while (this.grid.length <= row) {
      this.grid.push([]);
      this.formulaGrid.push([]);
      this.formatGrid.push([]);
    }
    this.grid[row][col] = v;
    this.formulaGrid[row][col] = formula;
    if (format !== undefined) this.formatGrid[row][col] = format;
  }
  cell(row: number, col: number): Cell {
    return this.grid[row]?.[col] ?? null;
  }
}

/** Like Excel, text that looks like a number becomes a number unless it starts with an apostrophe. */
function typed(v: unknown): Cell {
  if (typeof v !== 'string') return v as Cell;
  if (v.startsWith("'")) return v.slice(1);
  return /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
}

function edgeLogger(ctx: FakeContext, range: FakeRange, prefix: string): any {
  return new Proxy({}, {
    set(_t, prop, value) {
      ctx.pendingOpCount++;
      ctx.formats.push({ sheet: range.sheet.sheetName, address: range.a1, prop: `${prefix}${String(prop)}`, value });
      return true;
    },
  });
}

export class FakeRange extends Loadable {
  isNull = false;
  readonly format: any;
  static nullObject(ctx: FakeContext, sheet: FakeWorksheet): FakeRange {
    const r = new FakeRange(ctx, sheet, 0, 0, 0, 0);
    r.isNull = true;
    return r;
  }
  constructor(ctx: FakeContext, readonly sheet: FakeWorksheet, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number) {
    super(ctx);
    const log = edgeLogger(ctx, this, '');
    this.format = new Proxy(
      {
        font: edgeLogger(ctx, this, 'font.'),
        fill: edgeLogger(ctx, this, 'fill.'),
        borders: { getItem: (edge: string) => edgeLogger(ctx, this, `border.${edge}.`) },
      },
      {
        set(_t, prop, value) {
          log[prop] = value;
          return true;
        },
      },
    );
  }
  get dataValidation(): any {
    return edgeLogger(this.ctx, this, 'dataValidation.');
  }
  get a1(): string {
    const end = toA1(this.row + this.rows - 1, this.col + this.cols - 1);
    const start = toA1(this.row, this.col);
    return start === end ? start : `${start}:${end}`;
  }
  get isNullObject(): boolean {
    return this.isNull;
  }
  get address(): string {
    this.guard('address');
    return `${this.sheet.sheetName}!${this.a1}`;
  }
  get rowCount(): number {
    this.guard('rowCount');
    return this.rows;
  }
  get columnCount(): number {
    this.guard('columnCount');
    return this.cols;
  }
  get rowIndex(): number {
    this.guard('rowIndex');
    return this.row;
  }
  get columnIndex(): number {
    this.guard('columnIndex');
    return this.col;
  }
  private map<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => f(this.row + r, this.col + c)));
  }
  /** Above Excel's read limit the data arrays come back null, without an error (office-js#6781). */
  private get withheld(): boolean {
    return this.rows * this.cols > this.ctx.readLimitCells;
  }
  get values(): unknown[][] {
    this.guard('values');
    if (this.withheld) return null as unknown as unknown[][];
    return this.map((r, c) => {
      const v = this.sheet.cell(r, c);
      if (v === null) return '';
      return typeof v === 'object' ? v.error : v;
    });
  }
  set values(m: unknown[][]) {
    this.assign('values', m, (r, c, v) => {
      if (v === null) return;
      if (typeof v === 'string' && v.startsWith('=')) throw new Error('Fake: a formula written through values (use formulas)');
      this.sheet.set(r, c, typed(v));
    });
  }
  get valueTypes(): string[][] {
    this.guard('valueTypes');
    if (this.withheld) return null as unknown as string[][];
    return this.map((r, c) => {
      const v = this.sheet.cell(r, c);
      if (v === null || v === '') return 'Empty';
      if (typeof v === 'object') return 'Error';
      return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
    });
  }
  get formulas(): unknown[][] {
    this.guard('formulas');
    if (this.withheld) return null as unknown as unknown[][];
    return this.map((r, c) => this.sheet.formulaGrid[r]?.[c] ?? (() => { const v = this.sheet.cell(r, c); return v === null ? '' : typeof v === 'object' ? v.error : v; })());
  }
  set formulas(m: unknown[][]) {
    this.assign('formulas', m, (r, c, v) => {
      if (v === null) return;
      if (typeof v === 'string' && v.startsWith('=')) this.sheet.set(r, c, null, v);
      else this.sheet.set(r, c, typed(v));
    });
  }
  get numberFormat(): unknown[][] {
    this.guard('numberFormat');
    if (this.withheld) return null as unknown as unknown[][];
    return this.map((r, c) => this.sheet.formatGrid[r]?.[c] ?? 'General');
  }
  set numberFormat(m: unknown[][]) {
    this.assign('numberFormat', m, (r, c, v) => {
      if (v === null) return;
      while (this.sheet.formatGrid.length <= r) {
        this.sheet.grid.push([]);
        this.sheet.formulaGrid.push([]);
        this.sheet.formatGrid.push([]);
      }
      this.sheet.formatGrid[r][c] = String(v);
    });
  }
  private assign(prop: Assignment['prop'], m: unknown[][], put: (r: number, c: number, v: unknown) => void): void {
    if (m.length !== this.rows || m.some((line) => line.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${prop} of ${m.length}×${m[0]?.length} for a ${this.rows}×${this.cols} range`);
    }
    this.ctx.assignments.push({ sheet: this.sheet.sheetName, address: this.a1, prop, rows: this.rows, cols: this.cols });
    this.ctx.pendingOpCount++;
    this.ctx.pendingWriteCells += this.rows * this.cols;
    const copy = m.map((line) => line.slice());
    this.ctx.pendingOps.push(() => copy.forEach((line, r) => line.forEach((v, c) => put(this.row + r, this.col + c, v))));
  }
  merge(across = false): void {
    this.ctx.merges.push({ sheet: this.sheet.sheetName, address: this.a1, across });
  }
  select(): void {
    this.ctx.selected = { sheet: this.sheet.sheetName, address: this.a1 };
  }
  getMergedAreasOrNullObject(): any {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const areas = new (class extends Loadable {
      get areas() {
        this.guard('areas');
        return { items: ctx.merges.filter((m) => m.sheet === sheet.sheetName).map((m) => ({ address: `${sheet.sheetName}!${m.address}` })) };
      }
      get isNullObject() {
        return !ctx.merges.some((m) => m.sheet === sheet.sheetName);
      }
    })(ctx);
    return areas;
  }
}

/** Fake workbook with sheets built from small 2-D arrays. */
export function fakeContext(sheets: Record<string, Cell[][]> = {}, name = 'Book1.xlsx'): FakeContext {
  const ctx = new FakeContext(name);
  for (const [n, data] of Object.entries(sheets)) ctx.workbook.worksheets.add(n).put(0, 0, data);
  ctx.addedThisBatch = [];
  return ctx;
}

