// Marketplace ids and their currencies, so an order that carries no money yet (PENDING) still
// gets its currency. Ids: https://developer-docs.amazon.com/sp-api/docs/marketplace-ids (and the
// orders_2026-01-01.json examples for US, CA, UK, BR, JP); currency = the marketplace's own.
export interface Marketplace {
  id: string;
  name: string;
  countryCode: string;
  currency: string;
}

export const MARKETPLACES: readonly Marketplace[] = [
  { id: 'ATVPDKIKX0DER', name: 'Amazon.com', countryCode: 'US', currency: 'USD' },
  { id: 'A2EUQ1WTGCTBG2', name: 'Amazon.ca', countryCode: 'CA', currency: 'CAD' },
  { id: 'A1AM78C64UM0Y8', name: 'Amazon.com.mx', countryCode: 'MX', currency: 'MXN' },
  { id: 'A2Q3Y263D00KWC', name: 'Amazon.com.br', countryCode: 'BR', currency: 'BRL' },
  { id: 'A1F83G8C2ARO7P', name: 'Amazon.co.uk', countryCode: 'GB', currency: 'GBP' },
  { id: 'A1PA6795UKMFR9', name: 'Amazon.de', countryCode: 'DE', currency: 'EUR' },
  { id: 'A13V1IB3VIYZZH', name: 'Amazon.fr', countryCode: 'FR', currency: 'EUR' },
  { id: 'APJ6JRA9NG5V4', name: 'Amazon.it', countryCode: 'IT', currency: 'EUR' },
  { id: 'A1RKKUPIHCS9HS', name: 'Amazon.es', countryCode: 'ES', currency: 'EUR' },
  { id: 'A33AVAJ2PDY3EV', name: 'Amazon.com.tr', countryCode: 'TR', currency: 'TRY' },
  { id: 'A21TJRUUN4KGV', name: 'Amazon.in', countryCode: 'IN', currency: 'INR' },
  { id: 'A1VC38T7YXB528', name: 'Amazon.co.jp', countryCode: 'JP', currency: 'JPY' },
  { id: 'A39IBJ37TRP1C6', name: 'Amazon.com.au', countryCode: 'AU', currency: 'AUD' },
  { id: 'A19VAU5U5O7RUS', name: 'Amazon.sg', countryCode: 'SG', currency: 'SGD' },
];

export function findMarketplace(id: string | undefined): Marketplace | undefined {
  return MARKETPLACES.find((marketplace) => marketplace.id === id);
}
