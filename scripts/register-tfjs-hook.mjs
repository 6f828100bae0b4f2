// `tsx --import ./scripts/register-tfjs-hook.mjs ...`: see tfjs-resolve-hook.mjs
import { register } from 'node:module';
register('./tfjs-resolve-hook.mjs', import.meta.url);
