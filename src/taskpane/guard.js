/*
 * Inline guard of the task pane and of the browser app (written into their <body> by webpack, right
 * after #container, before the deferred bundles run). ES5 only: it must itself run in Internet
 * Explorer 11 (Trident) and Edge Legacy (EdgeHTML), the webviews that Office 2016/2019 (volume-
 * licensed, or retail without WebView2) and old Windows builds of Microsoft 365 use for add-ins.
 * The bundles need ES2022 syntax (optional chaining, ??=, class fields and static blocks), React 18
 * and Fluent UI v9; where the engine lacks them nothing would ever show, so the guard replaces the
 * loading text with what works instead. test/taskpane/guard.test.ts parses this file as ES5 and
 * checks that the bundles need nothing beyond what it tests.
 */
(function () {
  var probes = [
    'return typeof Promise === "function" && typeof Symbol === "function" && typeof Map === "function" && typeof WeakMap === "function" && typeof Proxy === "function"',
    'return typeof fetch === "function" && typeof Object.fromEntries === "function" && typeof [].flat === "function"',
    'var o = { a: { b: 1 } }; var x; x ??= o?.a?.b ?? 2; return x === 1',
    'class A { #p = 1; static s = 2; static { A.t = 3; } get p() { return this.#p; } } return new A().p + A.s + A.t === 6',
    'return (async () => { for await (const x of []) {} })() instanceof Promise',
  ];
  var ok = true;
  for (var i = 0; i < probes.length && ok; i++) {
    try {
      ok = new Function(probes[i])() === true;
    } catch (e) {
      ok = false;
    }
  }
  if (ok) return;
  window.__BAOCAO_UNSUPPORTED__ = true;
  var container = document.getElementById('container');
  if (!container) return;
  var inApp = container.getAttribute('data-page') === 'app';
  var style = 'font-family: Segoe UI, Arial, sans-serif; font-size: 14px; line-height: 1.45; padding: 12px; max-width: 560px';
  var vi;
  var en;
  if (inApp) {
    vi =
      '<h1 style="font-size: 18px">Trình duyệt này quá cũ để chạy Báo cáo GD</h1>' +
      '<p>Hãy mở lại trang này bằng Microsoft Edge, Google Chrome, Cốc Cốc hoặc Firefox bản mới. ' +
      'Mọi việc vẫn chạy trên máy của bạn, không gửi dữ liệu đi đâu.</p>';
    en =
      '<h2 style="font-size: 16px">This browser is too old for Báo cáo GD</h2>' +
      '<p>Open this page again in a current Microsoft Edge, Google Chrome, Cốc Cốc or Firefox. ' +
      'Everything still runs on your computer; no data is sent anywhere.</p>';
  } else {
    vi =
      '<h1 style="font-size: 18px">Phiên bản Office này không mở được Báo cáo GD</h1>' +
      '<p>Office đang dùng trình duyệt cũ bên trong (Internet Explorer 11 hoặc Edge cũ) để mở phần bổ trợ. Hãy dùng một trong các cách sau:</p>' +
      '<ul>' +
      '<li><a href="app/" target="_blank" rel="noopener">Báo cáo GD trên trình duyệt</a>: chọn tệp .xlsx/.xls trên máy để kiểm tra, đối chiếu, tính phổ cập, lập báo cáo và tải kết quả về (dùng được với mọi phiên bản Office, WPS Office, LibreOffice).</li>' +
      '<li>Excel trên web (Microsoft 365).</li>' +
      '<li>Excel của Microsoft 365, Office 2021 hoặc Office 2024.</li>' +
      '<li>Office 2016/2019 bản bán lẻ: cài Microsoft Edge WebView2 Runtime rồi mở lại Excel.</li>' +
      '</ul>';
    en =
      '<h2 style="font-size: 16px">This version of Office cannot open Báo cáo GD</h2>' +
      '<p>Office hosts the add-in in an old built-in browser (Internet Explorer 11 or Edge Legacy). Use one of these instead:</p>' +
      '<ul>' +
      '<li><a href="app/" target="_blank" rel="noopener">Báo cáo GD in the browser</a>: pick .xlsx/.xls files on your computer to check, cross-check, compute phổ cập, build the report and download the results (works with any Office, WPS Office, LibreOffice).</li>' +
      '<li>Excel on the web (Microsoft 365).</li>' +
      '<li>Excel for Microsoft 365, Office 2021 or Office 2024.</li>' +
      '<li>Retail Office 2016/2019: install the Microsoft Edge WebView2 Runtime, then restart Excel.</li>' +
      '</ul>';
  }
  container.innerHTML = '<div id="unsupported" role="alert" lang="vi" style="' + style + '">' + vi + '<hr/><div lang="en">' + en + '</div></div>';
})();
