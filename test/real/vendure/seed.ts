// Sets up a fresh Vendure through its Admin API: countries and a zone, 19 % tax, a flat-rate
// shipping method, the dummy payment method, USD + EUR on the default channel, three products
// and a 10 %-off coupon. Everything the Shop API checkout needs.
import type { GraphQLSession } from './graphql.js';

export const CATALOG = [
  { sku: 'OS-TEE-M', name: 'Ordersync Tee M', usd: 1999, eur: 1850 },
  { sku: 'OS-MUG', name: 'Ordersync Mug', usd: 1250, eur: 1100 },
  { sku: 'OS-CAP', name: 'Ordersync Cap', usd: 2333, eur: 2190 },
] as const;
export const TAX_RATE = 19;
export const SHIPPING_RATE = 500; // net, in each currency's minor units
export const COUPON = 'SAVE10';
export const PAYMENT_METHOD = 'ordersync-dummy-payment';

export interface Seeded {
  variantIds: Record<string, string>;
  shippingMethodId: string;
  channelId: string;
}

const en = 'en';

export async function seedVendure(admin: GraphQLSession): Promise<Seeded> {
  const countryIds: string[] = [];
  for (const [code, name] of [['DE', 'Germany'], ['US', 'United States']] as const) {
    const created = await admin.send<{ createCountry: { id: string } }>(
      'mutation($input: CreateCountryInput!) { createCountry(input: $input) { id } }',
      { input: { code, enabled: true, translations: [{ languageCode: en, name }] } });
    countryIds.push(created.createCountry.id);
  }
  const zone = await admin.send<{ createZone: { id: string } }>(
    'mutation($input: CreateZoneInput!) { createZone(input: $input) { id } }', { input: { name: 'Everywhere', memberIds: countryIds } });
  const zoneId = zone.createZone.id;
  const channel = await admin.send<{ activeChannel: { id: string } }>('{ activeChannel { id } }');
  const channelId = channel.activeChannel.id;
  await admin.mutate('updateChannel', `mutation($input: UpdateChannelInput!) {
      updateChannel(input: $input) { ... on Channel { id } ... on ErrorResult { errorCode message } } }`,
  { input: { id: channelId, defaultTaxZoneId: zoneId, defaultShippingZoneId: zoneId, pricesIncludeTax: false,
    defaultCurrencyCode: 'USD', availableCurrencyCodes: ['USD', 'EUR'] } });
  const category = await admin.send<{ createTaxCategory: { id: string } }>(
    'mutation { createTaxCategory(input: { name: "Standard", isDefault: true }) { id } }');
  await admin.send('mutation($input: CreateTaxRateInput!) { createTaxRate(input: $input) { id } }',
    { input: { name: `Standard ${TAX_RATE}%`, enabled: true, value: TAX_RATE, categoryId: category.createTaxCategory.id, zoneId } });
  const shipping = await admin.send<{ createShippingMethod: { id: string } }>(
    'mutation($input: CreateShippingMethodInput!) { createShippingMethod(input: $input) { id } }',
    { input: {
      code: 'flat-rate', fulfillmentHandler: 'manual-fulfillment',
      checker: { code: 'default-shipping-eligibility-checker', arguments: [{ name: 'orderMinimum', value: '0' }] },
      calculator: { code: 'default-shipping-calculator', arguments: [
        { name: 'rate', value: String(SHIPPING_RATE) }, { name: 'includesTax', value: 'exclude' }, { name: 'taxRate', value: String(TAX_RATE) }] },
      translations: [{ languageCode: en, name: 'Flat rate', description: '' }],
    } });
  await admin.send('mutation($input: CreatePaymentMethodInput!) { createPaymentMethod(input: $input) { id } }',
    { input: { code: PAYMENT_METHOD, enabled: true, handler: { code: 'ordersync-dummy', arguments: [] },
      translations: [{ languageCode: en, name: 'Dummy payment', description: '' }] } });
  const variantIds: Record<string, string> = {};
  for (const item of CATALOG) {
    const product = await admin.send<{ createProduct: { id: string } }>(
      'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      { input: { translations: [{ languageCode: en, name: item.name, slug: item.sku.toLowerCase(), description: '' }] } });
    const variants = await admin.send<{ createProductVariants: { id: string }[] }>(
      'mutation($input: [CreateProductVariantInput!]!) { createProductVariants(input: $input) { id } }',
      { input: [{ productId: product.createProduct.id, sku: item.sku, translations: [{ languageCode: en, name: item.name }],
        taxCategoryId: category.createTaxCategory.id, stockOnHand: 500, price: item.usd }] });
    const variantId = variants.createProductVariants[0]!.id;
    // createProductVariants sets the default currency's price only; other currencies come by update.
    await admin.send('mutation($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }',
      { input: [{ id: variantId, prices: [{ currencyCode: 'EUR', price: item.eur }] }] });
    variantIds[item.sku] = variantId;
  }
  await admin.send('mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { ... on Promotion { id } } }',
    { input: { enabled: true, couponCode: COUPON, conditions: [],
      actions: [{ code: 'order_percentage_discount', arguments: [{ name: 'discount', value: '10' }] }],
      translations: [{ languageCode: en, name: '10% off', description: '' }] } });
  return { variantIds, shippingMethodId: shipping.createShippingMethod.id, channelId };
}
