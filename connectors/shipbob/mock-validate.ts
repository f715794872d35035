// Create Order validation as the API reference states it: required shipping_method, recipient
// name + address1/city/country, reference_id (1–300 chars), products; `type` required except on 1.0/2.0 (2026-07 reference; 2025-07 assumed alike).
// Answers ShipBob's 400 shape: a map of field → messages.

export function validateCreateOrder(body: Record<string, unknown>, version: string): Record<string, string[]> | undefined {
  const problems: Record<string, string[]> = {};
  const need = (field: string, ok: boolean, message = `The ${field} field is required.`) => {
    if (!ok) (problems[field] ??= []).push(message);
  };
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const recipient = (body.recipient ?? {}) as Record<string, unknown>;
  const address = (recipient.address ?? {}) as Record<string, unknown>;
  need('shipping_method', text(body.shipping_method));
  need('reference_id', text(body.reference_id) && String(body.reference_id).length <= 300);
  need('recipient.name', text(recipient.name));
  need('recipient.address.address1', text(address.address1));
  need('recipient.address.city', text(address.city));
  need('recipient.address.country', text(address.country));
  if (!['1.0', '2.0'].includes(version)) {
    need('type', ['DTC', 'DropShip', 'B2B'].includes(String(body.type)), 'Accepted values are DTC, DropShip and B2B.');
  }
  const products = body.products;
  need('products', Array.isArray(products) && products.length > 0);
  if (Array.isArray(products)) {
    products.forEach((product: Record<string, unknown>, i) => {
      need(`products[${i}].quantity`, Number.isInteger(product.quantity) && Number(product.quantity) > 0, 'Quantity must be a positive integer.');
      need(`products[${i}].reference_id`, text(product.reference_id) || Number.isInteger(product.id));
      if (!Number.isInteger(product.id)) need(`products[${i}].name`, text(product.name), 'Products identified by reference_id must include the product name.');
    });
  }
  return Object.keys(problems).length > 0 ? problems : undefined;
}
