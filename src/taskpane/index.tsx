import { createRoot } from 'react-dom/client';

const container = document.getElementById('container');
if (container) {
  const root = createRoot(container);
  Office.onReady(() => root.render(<p>Báo cáo GD</p>));
}
