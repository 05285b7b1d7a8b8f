// The poster page: a printable <sq-complaint-qr> for every building of a community
// (?community=xingfuli), each linking to the demo page's complaint form.
import { createClient } from '/cdn/shequ-kit.js';

const community = new URLSearchParams(location.search).get('community') ?? 'xingfuli';
const base = new URL('./', location.href).href;
const posters = document.getElementById('posters');
document.getElementById('print').addEventListener('click', () => print());

// No top-level await: the demo should run in WeChat's older WebViews too.
const client = createClient({ baseUrl: new URL('/api/v1', location.href).href });
client.communities.get(community).then((model) => {
  for (const grid of model.grids) {
    for (const building of grid.buildings) {
      const qr = document.createElement('sq-complaint-qr');
      qr.setAttribute('community', model.id);
      qr.setAttribute('grid', grid.id);
      qr.setAttribute('building', building.id);
      qr.setAttribute('base', base);
      qr.toggleAttribute('printable', true);
      posters.append(qr);
    }
  }
});
