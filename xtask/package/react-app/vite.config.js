// The configuration a React app has anyway: the React plugin, nothing for the charts.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
