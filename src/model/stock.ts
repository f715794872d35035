export interface StockLevel {
  sku: string;
  location: string;
  onHand: number;
  reserved: number;
  available: number;
  source: string;
  observedAt: string;
}

export interface Shipment {
  channel: string;
  orderExternalId: string;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  labelRef: string | null;
  lines: { externalId: string; quantity: number }[];
}
