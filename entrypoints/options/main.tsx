import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import './style.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
