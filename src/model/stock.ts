export interface StockLevel {
  sku: string;
  location: string;
  onHand: number;
  reserved: number;
  available: number;
  source: string;
  observedAt: string;
}
