/* eslint-disable no-undef */
/**
 * Two builds in one run:
 * - the Excel add-in: one task-pane page that also hosts the custom functions (shared runtime) → dist/;
 * - the browser app ("Báo cáo GD trên trình duyệt"): the same pane on files picked from disk, no
 *   office.js → dist/app/ (served by `baocao-gd app`, or by an office's static server next to dist/).
 *   npm run build      → dist/ (production; no network, never touches office-addin-dev-certs)
 *   npm run dev-server → https://localhost:3000 (needs webpack-dev-server + dev certs; only for `serve`)
 *
 * ADDIN_URL_PROD: where dist/ is hosted in production. The manifest's dev URL
 * https://localhost:3000/ is rewritten to it when the manifest is copied. Without it a production
 * build uses the placeholder below and says so loudly; `npm run build:release` (--env release)
 * refuses to build without it.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/**
 * esbuild minifies in seconds where terser takes minutes on the shared 2-core machines, and ExcelJS's
 * browser build is already minified. The plugin ships with webpack; without it webpack's default applies.
 */
function minimizers() {
  try {
    const MinimizerPlugin = require('minimizer-webpack-plugin');
    return [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify, exclude: /exceljs/ })];
  } catch {
    return ['...'];
  }
}

/** Office only loads add-ins over https; the dev server uses Office's localhost certificates. */
async function devCerts() {
  let certs;
  try {
    certs = require('office-addin-dev-certs');
  } catch {
    throw new Error('`npm run dev-server` needs webpack-dev-server and office-addin-dev-certs (npm install --save-dev webpack-dev-server office-addin-dev-certs); `npm run build` needs neither.');
  }
  return certs.getHttpsServerOptions();
}

const URL_DEV = 'https://localhost:3000/';
const URL_PROD_DEFAULT = 'https://baocao-gd.example.vn/addin/';

const PLACEHOLDER_BANNER = (url) =>
  [
    '',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    `!! ADDIN_URL_PROD chưa đặt: dist/manifest.xml trỏ tới địa chỉ giả ${url}`,
    '!! Excel sẽ không tải được phần bổ trợ này. Dựng lại với địa chỉ thật của đơn vị:',
    `!! ADDIN_URL_PROD is not set: dist/manifest.xml points at the placeholder ${url}`,
    '!! Excel cannot load this add-in. Build again with your office\'s address:',
    '!!   ADDIN_URL_PROD=https://gd.example.gov.vn/baocao-gd/ npm run build:release',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '',
  ].join('\n');

/** The production URL: ADDIN_URL_PROD, or the placeholder with a loud warning (a release build refuses). */
function prodUrl(env = {}, warn = (text) => process.stderr.write(text + '\n')) {
  const given = process.env.ADDIN_URL_PROD;
  if (!given && env.release) {
    throw new Error('npm run build:release cần ADDIN_URL_PROD=https://…/ (địa chỉ nơi đặt dist/) / needs ADDIN_URL_PROD=https://…/ (where dist/ is served)');
  }
  const url = given || URL_PROD_DEFAULT;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL_PROD must be an https URL, got: ${url}`);
  if (!given) warn(PLACEHOLDER_BANNER(url));
  return url.endsWith('/') ? url : url + '/';
}

const FUNCTIONS_SRC = './src/functions/functions.ts';
/** The inline ES5 guard of both pages (src/taskpane/guard.js). */
const GUARD = () => fs.readFileSync(path.resolve(__dirname, 'src/taskpane/guard.js'), 'utf8');

/**
 * The metadata generator always writes "allowCustomDataForDataTypeAny": true (Office-Addin-Scripts
 * PR #829). That opts into Excel data types (CustomFunctionsRuntime 1.4), which no GD function uses,
 * and perpetual builds have had trouble with it (office-js #3504, #4385): functions.json ships without it.
 */
class DropDataTypesFlag {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('DropDataTypesFlag', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'DropDataTypesFlag', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset) return;
        const json = JSON.parse(asset.source.source().toString());
        delete json.allowCustomDataForDataTypeAny;
        compilation.updateAsset('functions.json', new sources.RawSource(JSON.stringify(json, null, 2)));
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const hasFunctions = fs.existsSync(path.resolve(__dirname, FUNCTIONS_SRC));
  const urlProd = dev ? URL_DEV : prodUrl(env);

  const entry = {
    taskpane: './src/taskpane/index.tsx',
  };
  const plugins = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      templateParameters: { guard: GUARD() },
      // Shared runtime: the functions live in the task-pane page.
      chunks: hasFunctions ? ['functions', 'taskpane'] : ['taskpane'],
      chunksSortMode: 'manual',
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*.png', to: 'assets/[name][ext]' },
        {
          from: 'manifest*.xml',
          to: '[name][ext]',
          transform(content) {
            return dev ? content : content.toString().split(URL_DEV).join(urlProd);
          },
        },
      ],
    }),
  ];

  if (hasFunctions) {
    const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
    entry.functions = FUNCTIONS_SRC;
    plugins.push(new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SRC }), new DropDataTypesFlag());
  }

  const shared = {
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // ExcelJS pulls Node built-ins; these fallbacks keep it out of the initial chunk and loadable lazily.
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' }, minimizer: minimizers() },
  };

  const config = {
    ...shared,
    name: 'addin',
    entry,
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // dist/app is the other build's: never cleaned away by this one.
      clean: { keep: /^app[\\/]/ },
    },
    plugins,
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: 3000,
      server: {
        type: 'https',
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await devCerts(),
      },
    },
  };
  if (env.WEBPACK_BUILD) delete config.devServer;

  const app = {
    ...shared,
    name: 'app',
    entry: { app: './src/taskpane/app/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'app'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/taskpane/app/app.html', templateParameters: { guard: GUARD() }, chunks: ['app'] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/icon-*.png', to: 'assets/[name][ext]' }] }),
    ],
  };
  return [config, app];
};
