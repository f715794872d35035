import { z } from 'zod';

export const WebhookSettings = z.object({
  /** Where each event is POSTed. */
  url: z.string().url(),
  /** Shared secret for the HMAC-SHA256 signature of the body. */
  secret: z.string().min(16, 'use a secret of at least 16 characters'),
  /** Send the channel's raw payload along with the normalized order. */
  includeRaw: z.boolean().default(false),
  allowInsecure: z.boolean().default(false),
});

export type WebhookSettings = z.infer<typeof WebhookSettings>;
