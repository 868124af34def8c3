-- Stock levels per product: status 'out' (0 on hand), 'low' (at or below reorder level) or 'ok'.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_product_stock AS
SELECT p.product_id, p.sku, p.name AS product, pc.slug AS category, pc.name AS category_name,
       p.price, p.unit_cost, p.stock_qty, p.reorder_level, p.is_active,
       CASE WHEN p.stock_qty = 0 THEN 'out' WHEN p.stock_qty <= p.reorder_level THEN 'low' ELSE 'ok' END AS stock_status
FROM products p
JOIN product_categories pc ON pc.category_id = p.category_id
