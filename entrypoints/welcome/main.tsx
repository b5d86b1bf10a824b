import { render } from 'preact';
import { Welcome } from '@/components/Welcome';
import '@/components/popup.css';
import './welcome.css';
import { applyDocumentLocale, loadUiLocale, t } from '@/utils/i18n';

void loadUiLocale(new URLSearchParams(location.search).get('ui')).then(() => {
  applyDocumentLocale();
  document.title = t('welcomeTitle');
  render(<Welcome />, document.getElementById('app')!);
});
