// Sets up what a Medusa 2 store needs before it can take an order, through the admin API only:
// two currencies and regions (EUR/DE+FR with 19 % tax, USD/US with 8.875 % tax, so tax comes out
// in fractions of a cent), a stock location with a shipping fulfillment set and service zone,
// a flat-rate shipping option priced in both currencies, published products with SKU'd
// variants, a 10 % promotion code, and a publishable key for the store API.
import type { MedusaCaller } from './api.js';

export interface Catalog {
  salesChannelId: string;
  publishableKey: string;
  regions: { eur: string; usd: string };
  locationId: string;
  shippingOptionId: string;
  promoCode: string;
  variants: Record<string, { id: string; sku: string; title: string }>;
}

// Prices in major units, the way Medusa 2's admin API takes them.
const PRODUCTS = [
  { title: 'Logo Tee', variants: [
    { sku: 'TEE-BLK-M', option: 'M', eur: 19.99, usd: 24.5 },
    { sku: 'TEE-BLK-L', option: 'L', eur: 21.49, usd: 26.25 },
  ] },
  { title: 'Mug', variants: [{ sku: 'MUG-12OZ', option: 'One size', eur: 12.5, usd: 14.99 }] },
  { title: 'Cap', variants: [{ sku: 'CAP-NAVY', option: 'One size', eur: 24.95, usd: 29.95 }] },
] as const;

export async function seedCatalog(admin: MedusaCaller): Promise<Catalog> {
  const { stores } = await admin.call('GET', '/admin/stores');
  const store = stores[0];
  const salesChannelId: string = store.default_sales_channel_id;
  await admin.call('POST', `/admin/stores/${store.id}`, {
    supported_currencies: [{ currency_code: 'eur', is_default: true }, { currency_code: 'usd' }],
  });

  const eur = await createRegion(admin, 'Europe', 'eur', ['de', 'fr']);
  const usd = await createRegion(admin, 'United States', 'usd', ['us']);
  for (const [country, rate] of [['de', 19], ['fr', 20], ['us', 8.875]] as const) {
    await admin.call('POST', '/admin/tax-regions', {
      country_code: country, provider_id: 'tp_system',
      default_tax_rate: { rate, code: `${country.toUpperCase()}-STD`, name: `${country.toUpperCase()} standard` },
    });
  }

  const { stock_location: location } = await admin.call('POST', '/admin/stock-locations', {
    name: 'Main warehouse', address: { address_1: 'Lagerstr. 1', city: 'Berlin', country_code: 'de', postal_code: '10115' },
  });
  await admin.call('POST', `/admin/stock-locations/${location.id}/sales-channels`, { add: [salesChannelId] });
  await admin.call('POST', `/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ['manual_manual'] });
  const { stock_location: withSet } = await admin.call('POST', `/admin/stock-locations/${location.id}/fulfillment-sets?fields=*fulfillment_sets`, {
    name: 'Main shipping', type: 'shipping',
  });
  const fulfillmentSetId: string = withSet.fulfillment_sets[0].id;
  const { fulfillment_set: set } = await admin.call('POST', `/admin/fulfillment-sets/${fulfillmentSetId}/service-zones`, {
    name: 'DE FR US', geo_zones: ['de', 'fr', 'us'].map((country_code) => ({ type: 'country', country_code })),
  });
  const serviceZoneId: string = set.service_zones[0].id;

  const { shipping_profiles: profiles } = await admin.call('GET', '/admin/shipping-profiles');
  const profileId: string = profiles[0].id;
  const { shipping_option: option } = await admin.call('POST', '/admin/shipping-options', {
    name: 'Standard', service_zone_id: serviceZoneId, shipping_profile_id: profileId, provider_id: 'manual_manual',
    price_type: 'flat', type: { label: 'Standard', description: '2-4 days', code: 'standard' },
    prices: [{ currency_code: 'eur', amount: 4.9 }, { currency_code: 'usd', amount: 5.5 }],
    rules: [
      { attribute: 'enabled_in_store', operator: 'eq', value: 'true' },
      { attribute: 'is_return', operator: 'eq', value: 'false' },
    ],
  });

  const variants: Catalog['variants'] = {};
  for (const product of PRODUCTS) {
    const { product: created } = await admin.call('POST', '/admin/products', {
      title: product.title, status: 'published', shipping_profile_id: profileId,
      sales_channels: [{ id: salesChannelId }],
      options: [{ title: 'Size', values: product.variants.map((v) => v.option) }],
      variants: product.variants.map((v) => ({
        title: v.option, sku: v.sku, options: { Size: v.option }, manage_inventory: false,
        prices: [{ currency_code: 'eur', amount: v.eur }, { currency_code: 'usd', amount: v.usd }],
      })),
    });
    for (const variant of created.variants) variants[variant.sku] = { id: variant.id, sku: variant.sku, title: variant.title };
  }

  const promoCode = 'SAVE10';
  await admin.call('POST', '/admin/promotions', {
    code: promoCode, type: 'standard', status: 'active', is_automatic: false,
    application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 },
  });

  const { api_key: key } = await admin.call('POST', '/admin/api-keys', { title: 'storefront', type: 'publishable' });
  await admin.call('POST', `/admin/api-keys/${key.id}/sales-channels`, { add: [salesChannelId] });

  return {
    salesChannelId, publishableKey: key.token, regions: { eur, usd }, locationId: location.id,
    shippingOptionId: option.id, promoCode, variants,
  };
}

async function createRegion(admin: MedusaCaller, name: string, currency: string, countries: string[]): Promise<string> {
  const { region } = await admin.call('POST', '/admin/regions', {
    name, currency_code: currency, countries, automatic_taxes: true, payment_providers: ['pp_system_default'],
  });
  return region.id;
}

/** A secret API key for the connector (sent as HTTP Basic, key as user name). */
export async function createSecretKey(admin: MedusaCaller): Promise<string> {
  const { api_key: key } = await admin.call('POST', '/admin/api-keys', { title: 'ordersync', type: 'secret' });
  return key.token;
}
