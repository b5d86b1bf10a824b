import { render } from 'preact';
import { Options } from '@/components/options/Options';
import '@/components/popup.css';
import { applyDocumentLocale, t, loadUiLocale } from '@/utils/i18n';

void loadUiLocale(new URLSearchParams(location.search).get('ui')).then(() => {
  applyDocumentLocale();
  document.title = t('optionsTitle');
  render(<Options />, document.getElementById('app')!);
});
