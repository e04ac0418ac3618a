import { render } from 'solid-js/web';
import { App } from './app.tsx';
import { watchTheme } from './lib/theme.ts';
import './styles.css';

watchTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
