// Our carrier names → confirmShipment's carrierCode (and carrierName for "Other").
//
// "The CarrierCode value must match the options listed in Seller Central exactly … Only if the
// selling partner is using an unlisted carrier, can they use the CarrierCode value of 'Other' and
// then provide the carrier name in the CarrierName field" (SP-API announcement, April 2021,
// amzn/selling-partner-api-docs#772; ordersV0.json PackageDetail.carrierName: "Required when
// carrierCode is 'Other'"). The spec lists no values; these spellings are the CarrierCode
// enumeration of Amazon's feed schema (amzn-base.xsd) as copied by a third party
// (hsudas/flexi CarrierAmazon.cs): UNCONFIRMED against Seller Central's current list.

const CODES: Record<string, string> = {
  usps: 'USPS', uspostalservice: 'USPS', unitedstatespostalservice: 'USPS', stampscom: 'USPS', endicia: 'USPS',
  ups: 'UPS', unitedparcelservice: 'UPS',
  upsmailinnovations: 'UPS Mail Innovations',
  fedex: 'FedEx', federalexpress: 'FedEx',
  fedexsmartpost: 'FedEx SmartPost',
  dhl: 'DHL', dhlexpress: 'DHL',
  dhlglobalmail: 'DHL Global Mail',
  royalmail: 'Royal Mail',
  parcelforce: 'Parcelforce',
  yodel: 'Yodel',
  canadapost: 'Canada Post',
  deutschepost: 'Deutsche Post',
  dpd: 'DPD',
  gls: 'GLS',
  tnt: 'TNT',
  ontrac: 'OnTrac',
  lasership: 'Lasership',
  chronopost: 'Chronopost',
  laposte: 'La Poste',
  posteitaliane: 'Poste Italiane',
  indiapost: 'India Post',
  bluedart: 'BlueDart',
  aramex: 'Aramex',
  delhivery: 'Delhivery',
};

export const OTHER_CARRIER = 'Other';

/** carrierCode and, for a carrier Amazon does not list, carrierName. */
export function toAmazonCarrier(carrier: string): { carrierCode: string; carrierName?: string } {
  const code = CODES[carrier.toLowerCase().replace(/[^a-z0-9]/g, '')];
  return code ? { carrierCode: code } : { carrierCode: OTHER_CARRIER, carrierName: carrier.trim() };
}

/** Tracking numbers compared as carriers print them: spaces and hyphens ignored, any case. */
export function sameTracking(a: string | undefined, b: string): boolean {
  const plain = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();
  return a !== undefined && plain(a) === plain(b);
}
