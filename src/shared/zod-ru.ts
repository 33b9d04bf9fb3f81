import { z } from 'zod';

// Zod's built-in Russian locale: schema messages that reach users are in Russian.
z.config(z.locales.ru());

export { z };
