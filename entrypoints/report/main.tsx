import { render } from 'preact';
import { t, uiLanguage } from '../../utils/i18n';
import { App } from './app';

document.documentElement.lang = uiLanguage();
document.title = t('reportTitle');
render(<App />, document.getElementById('app')!);
