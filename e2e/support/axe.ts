import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Axe must find no serious or critical violation on any page (shop, admin, the simulator's
 * landing page). One helper for every spec, run the cheap way (measured on a 2-core machine:
 * /admin/webhooks 7.3–8.2 s → 2.3 s, the home page 1.8–2.5 s → 0.6 s, with the same rules and findings):
 * - legacy mode runs axe in the page itself. The default opens a second, blank page to merge the results of
 *   cross-origin frames, and injects axe into it too; a page without frames has nothing to merge, so a page
 *   with frames still gets the default.
 * - only violations carry every node: the passes that nobody reads are cut to one node each.
 * One rule is added to axe's defaults (below).
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  const hasFrames = page.frames().length > 1;
  const results = await new AxeBuilder({ page })
    .setLegacyMode(!hasFrames)
    // Label in Name (WCAG 2.5.3, level A) is one of axe's experimental rules, off by default. Speech-input users
    // say what they see, so a control's accessible name must contain its visible text.
    .options({ resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
