// Step 5: first-load JS per page, from the build and as the served HTML loads it.
import { SHOP_PAGES } from './config';
import { firstLoadJsPerPage, scriptsInHtml, sumSizes } from './first-load-js';
import { checkout, type World } from './world';

export async function firstLoadJs(world: World) {
  const pages = firstLoadJsPerPage();
  const { reference } = await checkout(world);
  const concrete: Record<string, string> = {
    '/products/[sku]': '/products/fjord-mug',
    '/return': `/return?reference=${reference}`,
  };
  return Promise.all(
    pages.map(async (page) => {
      let html: { gzipBytes: number; matches: boolean } | undefined;
      if (SHOP_PAGES.includes(page.route)) {
        const response = await fetch(`${world.appUrl}${concrete[page.route] ?? page.route}`);
        const files = scriptsInHtml(await response.text());
        html = {
          gzipBytes: sumSizes('.next', files).gzipBytes,
          matches: files.every((f) => page.files.includes(f)),
        };
      }
      return { ...page, html, shop: SHOP_PAGES.includes(page.route) };
    }),
  );
}
