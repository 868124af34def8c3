-- Active products at or below their reorder level (including out of stock): the low-stock list.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_low_stock AS
SELECT product_id, sku, product, category, category_name, price, stock_qty, reorder_level, stock_status
FROM v_product_stock
WHERE is_active = 1 AND stock_qty <= reorder_level
