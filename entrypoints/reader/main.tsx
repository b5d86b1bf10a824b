import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import '@/components/popup.css';
import { applyDocumentLocale, t, loadUiLocale } from '@/utils/i18n';

// The popup's reader as a full page in its own tab, for long articles: the same component.
const params = new URLSearchParams(location.search);
const tab = params.get('tab');
void loadUiLocale(params.get('ui')).then(() => {
  applyDocumentLocale();
  document.title = t('readerTitle');
  render(<Popup tabId={tab ? Number(tab) : null} layout="page" />, document.getElementById('app')!);
});
