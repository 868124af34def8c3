-- Day x shipping city x traffic source x product: paid units and revenue (net of line
-- discounts), without names; ranks the top products of an `orders` answer filtered by
-- city or source (v_product_daily ranks them unfiltered).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_product_city_source_daily AS
SELECT g.day, g.city, t.slug AS source, g.product_id, g.units, g.revenue
FROM agg_product_city_source_daily g
JOIN traffic_sources t ON t.source_id = g.source_id
