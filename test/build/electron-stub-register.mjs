// Loaded with `node --import` before the built main bundle: installs electron-stub-hooks.mjs.
import { register } from 'node:module';

register('./electron-stub-hooks.mjs', import.meta.url);
