/**
 * Extension pages forbid eval, which zod's compiled fast path uses; schemas read this setting when they
 * are created, so this module is imported before any schema module.
 */
import { z } from 'zod';

z.config({ jitless: true });
