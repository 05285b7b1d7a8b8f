// The demo page's own wiring: language and care toggles, and prefill from the address bar.
const provider = document.getElementById('provider');
const langToggle = document.getElementById('lang-toggle');
const careToggle = document.getElementById('care-toggle');

langToggle.addEventListener('click', () => {
  const english = document.documentElement.lang !== 'en';
  document.documentElement.lang = english ? 'en' : 'zh-CN';
  langToggle.setAttribute('aria-pressed', String(english));
  langToggle.textContent = english ? '中文' : 'English';
});

careToggle.addEventListener('click', () => {
  const care = !document.documentElement.hasAttribute('data-sq-care');
  document.documentElement.toggleAttribute('data-sq-care', care);
  careToggle.setAttribute('aria-pressed', String(care));
});

const params = new URLSearchParams(location.search);
const picker = document.getElementById('location-picker');
// The complaint form reads its prefill (community, grid, building, unit, category) from the
// address bar itself; the QR code links back to this page.
document.getElementById('qr').setAttribute('base', new URL('./', location.href).href);
if (params.get('lang')) document.documentElement.lang = params.get('lang');
if (params.has('care')) document.documentElement.setAttribute('data-sq-care', '');
// The toggles show the state the page starts in.
const english = document.documentElement.lang === 'en';
langToggle.setAttribute('aria-pressed', String(english));
langToggle.textContent = english ? '中文' : 'English';
careToggle.setAttribute(
  'aria-pressed',
  String(document.documentElement.hasAttribute('data-sq-care')),
);

document.getElementById('picker-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const output = document.getElementById('picker-output');
  output.textContent = picker.reportValidity() ? `✓ ${picker.description}` : '';
});
void provider;
