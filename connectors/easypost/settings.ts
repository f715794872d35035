import { z } from 'zod';

/** An EasyPost Address (docs.easypost.com/docs/addresses): the sender, from configuration. */
export const EasyPostFromAddress = z.object({
  name: z.string().min(1),
  company: z.string().optional(),
  street1: z.string().min(1),
  street2: z.string().optional(),
  city: z.string().min(1),
  state: z.string().min(1),
  zip: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2, upper case'),
  phone: z.string().optional(),
  email: z.string().optional(),
});

export const EasyPostSettings = z.object({
  url: z.string().url().default('https://api.easypost.com'),
  /** Test (EZTK…) or production (EZAK…) key; sent as the Basic-auth username with an empty password. */
  apiKey: z.string().min(1),
  /** The rate bought is the one whose `carrier` and `service` match these exactly, e.g. USPS / Priority. */
  carrier: z.string().min(1),
  service: z.string().min(1),
  fromAddress: EasyPostFromAddress,
  /** One parcel per order: EasyPost weights are ounces, dimensions inches. */
  parcel: z.object({
    weightOz: z.number().positive(),
    length: z.number().positive().optional(),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  }).default({ weightOz: 16 }),
  /**
   * EasyPost cannot filter shipments by reference, so the lookup pages through shipments created
   * since the order was placed (100 a page); past this many pages it gives up and asks a human.
   */
  lookupMaxPages: z.number().int().min(1).max(1_000).default(20),
  allowInsecure: z.boolean().default(false),
});

export type EasyPostSettings = z.infer<typeof EasyPostSettings>;
