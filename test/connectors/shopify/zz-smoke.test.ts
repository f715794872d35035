import { test } from 'vitest';
import { startShopify, allOrders } from '/work/main/test/connectors/shopify/helpers.js';
import { reconciliationDifference } from '/work/main/src/model/index.js';
test('smoke', async () => {
  const h = await startShopify({ orders: 60 });
  const ctx = h.context();
  const pages = await h.pull(ctx);
  const orders = allOrders(pages);
  console.log('pages', pages.length, 'orders', orders.length, 'rejected', pages.flatMap(p=>p.rejected).length, 'sleeps', h.clock.sleeps);
  console.log(JSON.stringify(orders[0], (k,v)=>k==='raw'?undefined:v, 1).slice(0,1500));
  console.log('unreconciled', orders.filter(o=>reconciliationDifference(o)!==0).length);
  console.log(await h.control('/__mock/state'));
  await h.mock.close();
});
