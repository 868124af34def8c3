/** The shop's catalogue shape: 16 categories with typical prices, margins, demand and product nouns. */

export interface CategorySpec {
  readonly name: string;
  readonly slug: string;
  /** Median list price in euros/dollars; prices spread log-normally around it. */
  readonly medianPrice: number;
  /** Typical unit cost as a share of price. */
  readonly costShare: number;
  /** Share of the catalogue (number of products). */
  readonly weight: number;
  /** SKU prefix. */
  readonly code: string;
  readonly nouns: readonly string[];
  readonly adjectives: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  {
    name: "Shoes",
    slug: "shoes",
    medianPrice: 79,
    costShare: 0.45,
    weight: 9,
    code: "SHO",
    nouns: ["Sneakers", "Running Shoes", "Chelsea Boots", "Loafers", "Sandals", "Trail Shoes", "Slip-ons"],
    adjectives: ["Lightweight", "Classic", "Waterproof", "Leather", "Suede", "Canvas", "Cushioned"],
  },
  {
    name: "Apparel",
    slug: "apparel",
    medianPrice: 39,
    costShare: 0.38,
    weight: 14,
    code: "APP",
    nouns: ["T-Shirt", "Hoodie", "Denim Jacket", "Chinos", "Summer Dress", "Knit Sweater", "Rain Jacket"],
    adjectives: ["Organic Cotton", "Oversized", "Slim-Fit", "Relaxed", "Merino", "Linen", "Recycled"],
  },
  {
    name: "Accessories",
    slug: "accessories",
    medianPrice: 29,
    costShare: 0.35,
    weight: 7,
    code: "ACC",
    nouns: ["Sunglasses", "Beanie", "Leather Belt", "Scarf", "Wallet", "Cap", "Gloves"],
    adjectives: ["Classic", "Polarized", "Wool", "Vegan Leather", "Minimalist", "Knitted"],
  },
  {
    name: "Bags",
    slug: "bags",
    medianPrice: 69,
    costShare: 0.42,
    weight: 5,
    code: "BAG",
    nouns: ["Backpack", "Tote Bag", "Duffel Bag", "Crossbody Bag", "Laptop Sleeve", "Weekender"],
    adjectives: ["Waxed Canvas", "Roll-Top", "Leather", "Recycled", "Compact", "Travel"],
  },
  {
    name: "Electronics",
    slug: "electronics",
    medianPrice: 119,
    costShare: 0.68,
    weight: 8,
    code: "ELE",
    nouns: ["Wireless Earbuds", "Bluetooth Speaker", "Power Bank", "Smartwatch", "USB-C Charger", "Webcam"],
    adjectives: ["Noise-Cancelling", "Portable", "Fast-Charging", "Compact", "Pro", "Waterproof"],
  },
  {
    name: "Home & Kitchen",
    slug: "home-kitchen",
    medianPrice: 34,
    costShare: 0.45,
    weight: 9,
    code: "HOM",
    nouns: ["Chef's Knife", "Coffee Grinder", "Cast Iron Pan", "Throw Blanket", "Table Lamp", "Storage Jars"],
    adjectives: ["Stainless", "Ceramic", "Handmade", "Nordic", "Bamboo", "Stoneware"],
  },
  {
    name: "Beauty",
    slug: "beauty",
    medianPrice: 22,
    costShare: 0.3,
    weight: 8,
    code: "BEA",
    nouns: ["Face Serum", "Night Cream", "Lip Balm", "Shampoo Bar", "Sunscreen SPF 50", "Eau de Parfum"],
    adjectives: ["Hydrating", "Vegan", "Fragrance-Free", "Organic", "Repairing", "Travel-Size"],
  },
  {
    name: "Sports & Outdoors",
    slug: "sports-outdoors",
    medianPrice: 49,
    costShare: 0.5,
    weight: 7,
    code: "SPO",
    nouns: ["Yoga Mat", "Water Bottle", "Hiking Poles", "Resistance Bands", "Cycling Jersey", "Tent"],
    adjectives: ["Insulated", "Ultralight", "Non-Slip", "Foldable", "Breathable", "Trail"],
  },
  {
    name: "Toys & Games",
    slug: "toys-games",
    medianPrice: 25,
    costShare: 0.48,
    weight: 5,
    code: "TOY",
    nouns: ["Board Game", "Puzzle 1000 pcs", "Building Blocks", "Plush Bear", "Card Game", "Wooden Train"],
    adjectives: ["Family", "Classic", "Educational", "Wooden", "Deluxe", "Travel"],
  },
  {
    name: "Books",
    slug: "books",
    medianPrice: 16,
    costShare: 0.6,
    weight: 5,
    code: "BOO",
    nouns: ["Cookbook", "Travel Guide", "Novel", "Journal", "Sketchbook", "Photo Book"],
    adjectives: ["Illustrated", "Hardcover", "Paperback", "Bestselling", "Dotted", "Large-Format"],
  },
  {
    name: "Garden",
    slug: "garden",
    medianPrice: 36,
    costShare: 0.5,
    weight: 4,
    code: "GAR",
    nouns: ["Planter", "Pruning Shears", "Watering Can", "Seed Kit", "Garden Gloves", "Solar Lantern"],
    adjectives: ["Terracotta", "Galvanised", "Heirloom", "Ergonomic", "Self-Watering", "Weatherproof"],
  },
  {
    name: "Pet Supplies",
    slug: "pet-supplies",
    medianPrice: 21,
    costShare: 0.45,
    weight: 4,
    code: "PET",
    nouns: ["Dog Bed", "Cat Tree", "Leash", "Chew Toy", "Food Bowl", "Grooming Brush"],
    adjectives: ["Orthopedic", "Reflective", "Durable", "Washable", "Non-Slip", "Cozy"],
  },
  {
    name: "Jewelry",
    slug: "jewelry",
    medianPrice: 59,
    costShare: 0.3,
    weight: 4,
    code: "JEW",
    nouns: ["Necklace", "Hoop Earrings", "Signet Ring", "Bracelet", "Pendant", "Anklet"],
    adjectives: ["Sterling Silver", "Gold-Plated", "Minimal", "Engraved", "Pearl", "Stackable"],
  },
  {
    name: "Health",
    slug: "health",
    medianPrice: 19,
    costShare: 0.35,
    weight: 4,
    code: "HEA",
    nouns: ["Vitamin D3", "Protein Powder", "Herbal Tea", "Massage Ball", "First-Aid Kit", "Sleep Mask"],
    adjectives: ["Plant-Based", "Daily", "Organic", "Sugar-Free", "Calming", "Travel"],
  },
  {
    name: "Office",
    slug: "office",
    medianPrice: 15,
    costShare: 0.4,
    weight: 4,
    code: "OFF",
    nouns: ["Notebook", "Fountain Pen", "Desk Organizer", "Planner 2026", "Monitor Stand", "Sticky Notes"],
    adjectives: ["Recycled", "Bamboo", "A5", "Weekly", "Ergonomic", "Refillable"],
  },
  {
    name: "Baby",
    slug: "baby",
    medianPrice: 27,
    costShare: 0.42,
    weight: 3,
    code: "BAB",
    nouns: ["Onesie", "Swaddle Blanket", "Teether", "Baby Carrier", "Bib Set", "Soft Shoes"],
    adjectives: ["Organic", "Muslin", "BPA-Free", "Ergonomic", "Hypoallergenic", "Knitted"],
  },
];
