import { z } from 'zod';

/** A ShipEngine v1 address (docs.shipstation.com/apis/shipengine: address fields), in our casing. */
export const ShipEngineFromAddress = z.object({
  name: z.string().min(1),
  phone: z.string().min(1),
  companyName: z.string().optional(),
  addressLine1: z.string().min(1),
  addressLine2: z.string().optional(),
  cityLocality: z.string().min(1),
  stateProvince: z.string().min(1),
  postalCode: z.string().min(1),
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2, upper case'),
  residential: z.enum(['yes', 'no', 'unknown']).default('no'),
});

export const ShipEngineSettings = z.object({
  url: z.string().url().default('https://api.shipengine.com'),
  /** Sent as the `API-Key` header (sandbox keys start with TEST_). */
  apiKey: z.string().min(1),
  /** The carrier account billed for the label, e.g. se-123456. */
  carrierId: z.string().min(1),
  /** e.g. usps_priority_mail, ups_ground. */
  serviceCode: z.string().min(1),
  shipFrom: ShipEngineFromAddress,
  /** One package per order with this weight (the normalized order carries no weights). */
  packageWeight: z.object({
    value: z.number().positive(),
    unit: z.enum(['pound', 'ounce', 'gram', 'kilogram']),
  }).default({ value: 1, unit: 'pound' }),
  labelFormat: z.enum(['pdf', 'png', 'zpl']).default('pdf'),
  labelLayout: z.enum(['4x6', 'letter']).default('4x6'),
  allowInsecure: z.boolean().default(false),
});

export type ShipEngineSettings = z.infer<typeof ShipEngineSettings>;
