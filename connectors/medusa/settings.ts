import { z } from 'zod';

export const MedusaSettings = z
  .object({
    /** The Medusa server's base URL, e.g. https://shop-api.example.com (no /admin suffix). */
    url: z.string().url(),
    /** A secret API key (sk_…), sent as HTTP Basic with the key as user name. The recommended way. */
    apiKey: z.string().min(1).optional(),
    /** Or an admin user's email and password, exchanged for a JWT at POST /auth/user/emailpass. */
    email: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /**
     * Orders per request. The admin API sets no maximum (createFindParams in
     * @medusajs/medusa api/utils/validators; the orders list defaults to 15), but every order
     * carries its items and totals, so pages stay moderate.
     */
    pageSize: z.number().int().min(1).max(1000).default(50),
    /** Each pull re-reads this far behind the cursor, to catch orders saved late. */
    overlapSeconds: z.number().int().min(0).default(300),
    /** How far back the very first pull reaches; unset = every order the store has. */
    initialLookbackDays: z.number().int().positive().optional(),
    /**
     * Capturing a payment does not touch the order's updated_at in Medusa 2, so each pull also
     * lists payments changed since the last pull and re-reads their orders. Turn off only if
     * payment state does not matter downstream.
     */
    paymentSweep: z.boolean().default(true),
    allowInsecure: z.boolean().default(false),
  })
  .refine((s) => s.apiKey !== undefined || (s.email !== undefined && s.password !== undefined), {
    message: 'set apiKey (a secret API key), or email and password of an admin user',
    path: ['apiKey'],
  });

export type MedusaSettings = z.infer<typeof MedusaSettings>;

/** The values to keep out of every log line and error message. */
export function secretsOf(settings: MedusaSettings): string[] {
  return [settings.apiKey, settings.password].filter((value): value is string => Boolean(value));
}
