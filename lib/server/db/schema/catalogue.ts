import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The shop's catalogue. Prices are integer øre and only ever read from here, never from the browser. */
export const products = pgTable('products', {
  sku: text('sku').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  priceOre: integer('price_ore').notNull(),
  currency: text('currency').notNull().default('NOK'),
  /** Norwegian VAT: 25 % standard, 15 % food, 0 % books. A whole percent, as Vipps receipts take it. */
  vatPercent: integer('vat_percent').notNull().default(25),
  imagePath: text('image_path').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;
