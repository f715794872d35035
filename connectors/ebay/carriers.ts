// Our carrier names → eBay's `shippingCarrierCode`, and tracking numbers as eBay takes them.
//
// createShippingFulfillment's shippingCarrierCode refers to the Trading API's
// ShippingCarrierCodeType (spec ShippingFulfillmentDetails.shippingCarrierCode; GeteBayDetails
// with DetailName=ShippingCarrierDetails lists the current values). The enumeration as published
// in eBay's XML schema (read via third-party SDK copies: rubydoc ebay4r, metacpan eBay::API):
// UPS, USPS, FedEx, DHL, DeutschePost, Hermes, iLoxx, Chronopost, ColiposteDomestic,
// ColiposteInternational, Correos, Seur, Nacex, Other. Any other name passes through unchanged:
// GeteBayDetails knows many more carriers than that enumeration (UNCONFIRMED which spellings).

const CODES: Record<string, string> = {
  usps: 'USPS', uspostalservice: 'USPS', unitedstatespostalservice: 'USPS', stampscom: 'USPS', endicia: 'USPS',
  ups: 'UPS', unitedparcelservice: 'UPS',
  fedex: 'FedEx', federalexpress: 'FedEx',
  dhl: 'DHL', dhlexpress: 'DHL',
  deutschepost: 'DeutschePost',
  hermes: 'Hermes',
  iloxx: 'iLoxx',
  chronopost: 'Chronopost',
  correos: 'Correos',
  seur: 'Seur',
  nacex: 'Nacex',
};

/** eBay's code for a carrier name ("usps", "stamps_com", "FedEx" …); unknown names as given. */
export function toEbayCarrierCode(carrier: string): string {
  return CODES[carrier.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? carrier.trim();
}

/**
 * "Only alphanumeric characters are supported for shipment tracking numbers. Spaces, hyphens, and
 * all other special characters are not supported" (spec ShippingFulfillmentDetails.trackingNumber).
 */
export function toEbayTrackingNumber(trackingNumber: string): string {
  return trackingNumber.replace(/[^A-Za-z0-9]/g, '');
}

/** Tracking numbers compared as eBay stores them: alphanumerics only, any case. */
export function sameTracking(a: string | undefined, b: string): boolean {
  return a !== undefined && toEbayTrackingNumber(a).toUpperCase() === toEbayTrackingNumber(b).toUpperCase();
}
