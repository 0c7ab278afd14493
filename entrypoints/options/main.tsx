import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createSender, type OptionsMessage } from '@/utils/protocol';
import { App } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App send={createSender<OptionsMessage>((message) => browser.runtime.sendMessage(message))} />, root);
