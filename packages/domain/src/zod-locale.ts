import { z } from 'zod';

// zod's own messages (types, sizes) in Chinese, for the server's answers and the web's forms alike.
// Schemas that carry their own Chinese message keep it.
z.config(z.locales.zhCN());
