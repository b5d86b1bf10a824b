import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import '@/components/popup.css';
import { applyDocumentLocale, t, loadUiLocale } from '@/utils/i18n';

const params = new URLSearchParams(location.search);
const tab = params.get('tab');
// `?ui=ar`: the interface in another of its languages than the browser's (screenshots, tests).
void loadUiLocale(params.get('ui')).then(() => {
  applyDocumentLocale();
  document.title = t('extName');
  render(<Popup tabId={tab ? Number(tab) : null} />, document.getElementById('app')!);
});
