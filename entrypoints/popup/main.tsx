import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/popup.css';

const param = new URLSearchParams(location.search).get('tab');
render(<Popup tabId={param ? Number(param) : null} />, document.getElementById('app')!);
