/**
 * The inline guard of the pane and the browser app (src/taskpane/guard.js): ES5 itself, it shows
 * what works instead in an engine that cannot run the bundles, and it probes what the bundles need.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import * as acorn from 'acorn';
import { ensureDist } from '../harness/dist';

const ROOT = path.resolve(__dirname, '..', '..');
const GUARD = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'guard.js'), 'utf8');

interface FakeContainer {
  innerHTML: string;
  getAttribute(name: string): string | null;
}

/**
 * Runs the guard as an engine of the given ECMAScript edition would: `new Function` refuses any
 * source that edition cannot parse (acorn), and the globals it lacks are absent.
 */
function runGuard(edition: acorn.ecmaVersion, page: 'addin' | 'app' = 'addin', globals: Record<string, unknown> = {}) {
  const container: FakeContainer = { innerHTML: '<p id="loading">Đang tải Báo cáo GD…</p>', getAttribute: (n) => (n === 'data-page' ? page : null) };
  const window: Record<string, unknown> = {};
  const sandbox: Record<string, unknown> = {
    window,
    document: { getElementById: (id: string) => (id === 'container' ? container : null) },
    ...globals,
  };
  vm.createContext(sandbox);
  const RealFunction = vm.runInContext('Function', sandbox) as FunctionConstructor;
  sandbox.Function = function OldFunction(...args: string[]) {
    acorn.parse(`(function(){${args[args.length - 1]}})`, { ecmaVersion: edition });
    return new RealFunction(...args);
  };
  // The guard is parsed by the old engine too: as an edition-5 script.
  acorn.parse(GUARD, { ecmaVersion: 5 });
  vm.runInContext(GUARD, sandbox);
  return { container, unsupported: window.__BAOCAO_UNSUPPORTED__ === true };
}

describe('the guard', () => {
  test('is ES5: no arrow functions, let/const, classes or template strings (acorn, ecmaVersion 5)', () => {
    expect(() => acorn.parse(GUARD, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(() => acorn.parse('let x = () => 1;', { ecmaVersion: 5 })).toThrow(); // the check can fail
  });

  test('in an ES5 engine (Internet Explorer 11): the pane shows what works instead, in Vietnamese then English', () => {
    const { container, unsupported } = runGuard(5, 'addin', { Promise: undefined, Symbol: undefined });
    expect(unsupported).toBe(true);
    const html = container.innerHTML;
    expect(html).not.toContain('Đang tải');
    expect(html.indexOf('Phiên bản Office này không mở được Báo cáo GD')).toBeLessThan(html.indexOf('This version of Office cannot open Báo cáo GD'));
    expect(html).toContain('<a href="app/" target="_blank" rel="noopener">Báo cáo GD trên trình duyệt</a>');
    expect(html).toContain('Excel trên web');
    expect(html).toContain('Microsoft 365');
    expect(html).toContain('WebView2');
  });

  test('in an engine of 2021 (Edge Legacy era syntax, no class static blocks): the same message', () => {
    const { unsupported } = runGuard(2021);
    expect(unsupported).toBe(true);
  });

  test('in the browser app, an old browser is told which browsers work', () => {
    const { container } = runGuard(5, 'app');
    expect(container.innerHTML).toContain('Trình duyệt này quá cũ để chạy Báo cáo GD');
    expect(container.innerHTML).toContain('Microsoft Edge, Google Chrome, Cốc Cốc hoặc Firefox');
  });

  test('in a current engine it does nothing', () => {
    const { container, unsupported } = runGuard(2022, 'addin', { fetch: () => undefined });
    expect(unsupported).toBe(false);
    expect(container.innerHTML).toContain('Đang tải');
  });
});

describe('what the built bundles need, and that the guard probes for it', () => {
  test('every script of dist/ parses as ES2022 and some need ES2022 (so the guard tests ES2022 syntax)', () => {
    const dist = ensureDist();
    const scripts = ['taskpane.js', 'functions.js', ...fs.readdirSync(path.join(dist, 'chunks')).map((f) => path.join('chunks', f))].filter((f) => f.endsWith('.js'));
    const parses = (edition: acorn.ecmaVersion) =>
      scripts.filter((f) => {
        try {
          acorn.parse(fs.readFileSync(path.join(dist, f), 'utf8'), { ecmaVersion: edition, sourceType: 'script' });
          return true;
        } catch {
          return false;
        }
      });
    expect(parses(2022)).toEqual(scripts);
    expect(parses(2021).length).toBeLessThan(scripts.length);
  });

  test('the page carries the guard inline, after #container and before any bundle runs', () => {
    const html = fs.readFileSync(path.join(ensureDist(), 'taskpane.html'), 'utf8');
    const guardAt = html.indexOf('__BAOCAO_UNSUPPORTED__');
    expect(guardAt).toBeGreaterThan(html.indexOf('id="container"'));
    // The bundles are deferred: they run after the whole page, guard included, was parsed.
    expect(html).toMatch(/<script defer="defer" src="taskpane\.js"><\/script>/);
  });
});
