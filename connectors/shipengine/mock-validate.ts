// What the mock requires of POST /v1/labels: a shipment with carrier_id, service_code,
// ship_to / ship_from with the fields a label needs, and packages with a positive weight.

const TO_FIELDS = ['name', 'address_line1', 'city_locality', 'postal_code', 'country_code'] as const;
const FROM_FIELDS = [...TO_FIELDS, 'phone', 'state_province'] as const;
const UNITS = ['pound', 'ounce', 'gram', 'kilogram'];

export function validateLabelRequest(body: Record<string, any>): { code: string; message: string } | undefined {
  const shipment = body.shipment as Record<string, any> | undefined;
  if (!shipment || typeof shipment !== 'object') return { code: 'field_value_required', message: 'shipment is required' };
  for (const field of ['carrier_id', 'service_code'] as const) {
    if (!shipment[field]) return { code: 'field_value_required', message: `shipment.${field} is required` };
  }
  for (const [side, fields] of [['ship_to', TO_FIELDS], ['ship_from', FROM_FIELDS]] as const) {
    const address = shipment[side] as Record<string, unknown> | undefined;
    for (const field of fields) {
      if (typeof address?.[field] !== 'string' || String(address[field]).trim() === '') {
        return { code: 'field_value_required', message: `shipment.${side}.${field} is required` };
      }
    }
  }
  const packages = shipment.packages as { weight?: { value?: unknown; unit?: unknown } }[] | undefined;
  if (!Array.isArray(packages) || packages.length === 0) return { code: 'field_value_required', message: 'shipment.packages must contain at least one package' };
  for (const [i, pkg] of packages.entries()) {
    if (typeof pkg.weight?.value !== 'number' || pkg.weight.value <= 0 || !UNITS.includes(String(pkg.weight.unit))) {
      return { code: 'invalid_field_value', message: `shipment.packages[${i}].weight needs a positive value and a unit (${UNITS.join(', ')})` };
    }
  }
  return undefined;
}
