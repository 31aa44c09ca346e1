import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './sw/register';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });
registerServiceWorker();
