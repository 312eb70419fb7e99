package io.chainline.core.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed synthetic product catalog: 118 products in 51 categories in the 11 departments of the DataCo dataset
 * (Department Id 2 to 12). Seed-independent, so a Product Card Id means the same product in every generated file.
 * Category names keep the source's quirks (trailing spaces, a double space, a name used by two category ids).
 */
final class ProductCatalog {
    private static final String IMAGE_PREFIX = "http://images.acmesports.sports/";
    /** Weight of a popular product relative to the others, so that about 60 % of items are one of ten products. */
    private static final int POPULAR_WEIGHT = 60;

    private static final int OTHER_WEIGHT = 4;

    private static final List<Product> PRODUCTS = build();

    private ProductCatalog() {}

    /** Every product, in catalog order. */
    static List<Product> products() {
        return PRODUCTS;
    }

    /** A choice of product weighted towards the popular ones. */
    static WeightedChoice<Product> byPopularity() {
        return WeightedChoice.of(PRODUCTS, product -> product.popular() ? POPULAR_WEIGHT : OTHER_WEIGHT);
    }

    private static List<Product> build() {
        List<Product> products = new ArrayList<>();
        Department fitness = new Department(products, 2, "Fitness");
        fitness.category(3, "Baseball & Softball")
                .add(19, "Rawlings Pro Preferred Fielding Glove", 29999)
                .add(22, "Easton S1 Composite Fastpitch Bat", 24999)
                .add(24, "Wilson A2000 Catcher's Mitt", 23999);
        fitness.category(4, "Strength Training")
                .add(35, "Bowflex SelectTech 552 Dumbbells", 29900)
                .add(37, "CAP Barbell Olympic Weight Set", 19999)
                .add(44, "Perfect Fitness Perfect Pushup Elite", 2999)
                .add(46, "Fitness Gear Adjustable Bench", 12999);
        fitness.category(5, "Fitness Accessories")
                .add(57, "Gaiam Premium Print Yoga Mat", 2499)
                .add(60, "SKLZ Quickster Speed Ladder", 1999);
        fitness.category(6, "Tennis & Racquet")
                .add(72, "Wilson Pro Staff 97 Tennis Racquet", 19900)
                .add(74, "Penn Championship Tennis Balls 3-Pack", 399);
        fitness.category(7, "Hockey")
                .add(93, "Bauer Vapor X700 Hockey Stick", 12999)
                .add(95, "CCM Tacks Hockey Gloves", 8999);
        fitness.category(73, "Sporting Goods")
                .popular(1360, "Smart watch", 32775)
                .add(1362, "Heart Rate Monitor Chest Strap", 5999)
                .unavailable(1363, "Digital Jump Rope", 1999);

        Department footwear = new Department(products, 3, "Footwear");
        footwear.category(9, "Cardio Equipment")
                .popular(191, "Nike Men's Free 5.0+ Running Shoe", 9999)
                .add(193, "Asics Gel-Nimbus Running Shoe", 14999)
                .add(197, "ProForm Performance 400i Treadmill", 79999)
                .add(199, "Schwinn Airdyne Exercise Bike", 54999);
        footwear.category(10, "Men's Footwear")
                .add(207, "Nike Men's Air Max Trainer", 12999)
                .add(212, "Merrell Men's Moab 2 Hiking Shoe", 10999);
        footwear.category(11, "Women's Footwear")
                .add(225, "Brooks Women's Ghost 9 Running Shoe", 11999)
                .add(229, "New Balance Women's 860v6 Running Shoe", 12499);
        footwear.category(12, "Boxing & MMA")
                .add(249, "Under Armour Women's Micro G Skulpt Running Shoe", 5497)
                .add(251, "Everlast Pro Style Training Gloves", 2499);
        footwear.category(13, "Electronics")
                .add(278, "Under Armour Men's Compression EV SL Slide", 4499)
                .add(282, "Garmin Forerunner 15 GPS Watch", 16999);

        Department apparel = new Department(products, 4, "Apparel");
        apparel.category(17, "Cleats")
                .popular(365, "Perfect Fitness Perfect Rip Deck", 5999)
                .popular(367, "Nike Men's Vapor Untouchable Football Cleat", 12999)
                .add(371, "Adidas Men's Predator Soccer Cleat", 9999);
        apparel.category(18, "Men's Clothing")
                .add(384, "Under Armour Men's Tech Short Sleeve T-Shirt", 2499)
                .add(389, "Columbia Men's Fleece Jacket", 5999);
        apparel.category(20, "Women's Clothing")
                .add(403, "Nike Women's Pro Compression Shorts", 2799)
                .add(409, "Lululemon Women's Align Pant", 9800);
        apparel.category(21, "Girls' Apparel")
                .add(418, "Under Armour Girls' Tech Big Logo T-Shirt", 1999)
                .add(421, "Nike Girls' Dri-FIT Running Shorts", 2499);
        apparel.category(22, "Children's Clothing")
                .add(435, "Adidas Kids' Tiro Training Pants", 3499)
                .add(437, "Champion Kids' Powerblend Hoodie", 2999);
        apparel.category(23, "Accessories")
                .add(445, "Nike Swoosh Headband", 800)
                .add(447, "Under Armour Men's Blitzing Cap", 2499)
                .add(449, "Oakley Flak Jacket Sunglasses", 12999)
                .add(451, "Nike Elite Crew Socks 3-Pack", 1600);

        Department golf = new Department(products, 5, "Golf");
        golf.category(24, "Women's Apparel")
                .popular(502, "Nike Men's Dri-FIT Victory Golf Polo", 5000)
                .add(504, "Nike Women's Tempo Golf Skort", 5500);
        golf.category(25, "Golf Balls")
                .add(516, "Titleist Pro V1 Golf Balls 12-Pack", 4799)
                .add(518, "Callaway Supersoft Golf Balls 12-Pack", 2199);
        golf.category(26, "Golf Gloves")
                .add(525, "FootJoy Men's StaSof Golf Glove", 2299)
                .add(527, "Titleist Players Golf Glove", 1999);
        golf.category(27, "Golf Shoes")
                .add(541, "FootJoy Men's DNA Golf Shoe", 16999)
                .add(543, "Adidas Men's Tour360 Golf Shoe", 17999);
        golf.category(28, "Men's Golf Clubs")
                .add(565, "TaylorMade M2 Driver", 39999)
                .add(567, "Callaway Big Bertha Iron Set", 79999)
                .add(569, "Ping G Series Hybrid", 22999);
        golf.category(29, "Shop By Sport")
                .popular(627, "Under Armour Girls' Toddler Spine Surge Running Shoe", 3999)
                .add(629, "Wilson NFL Official Football", 9999);
        golf.category(30, "Golf Bags & Carts")
                .add(642, "Ogio Silencer Golf Cart Bag", 22999)
                .add(645, "Sun Mountain Micro-Cart Push Cart", 19999);
        golf.category(31, "Kids' Golf Clubs").add(659, "US Kids Golf Ultralight Set", 14999);
        golf.category(32, "Women's Golf Clubs")
                .add(672, "Callaway Women's Solaire Set", 69999)
                .add(675, "Cobra Women's Fly-Z Driver", 24999);

        Department outdoors = new Department(products, 6, "Outdoors");
        outdoors.category(36, "Camping & Hiking")
                .add(797, "Coleman Sundome 4-Person Tent", 7999)
                .add(801, "Teton Sports Explorer 4000 Backpack", 6999)
                .add(803, "Kelty Cosmic Down 20 Sleeping Bag", 15995)
                .add(805, "Yeti Tundra 45 Cooler", 29999)
                .add(807, "MSR PocketRocket Stove", 3995);
        outdoors.category(37, "Electronics")
                .add(828, "Bridgestone e6 Straight Distance NFL San Diego Chargers Golf Balls", 3199)
                .add(831, "Bushnell Tour V4 Rangefinder", 29999);
        outdoors.category(38, "Fishing")
                .add(845, "Shakespeare Ugly Stik GX2 Spinning Combo", 4499)
                .add(849, "Plano Guide Series Tackle Box", 5999)
                .popular(852, "Field & Stream Sportsman 16 Gun Fire Safe", 39998);
        outdoors.category(39, "Hunting & Shooting")
                .add(860, "Primos Trigger Stick Shooting Stick", 8999)
                .add(863, "Bushnell Trophy XLT Trail Camera", 11999);
        outdoors.category(40, "Water Sports")
                .popular(870, "Pelican Sunstream 100 Kayak", 19999)
                .popular(873, "O'Brien Men's Neoprene Life Vest", 4998);
        outdoors.category(41, "Trade-In")
                .add(917, "Glove It Women's Mod Oval 3-Zip Carry All Golf Bag", 2199)
                .unavailable(919, "Used Golf Club Trade-In Credit", 5000);
        outdoors.category(42, "Indoor/Outdoor Games")
                .add(926, "Lifetime 44 Inch Portable Basketball Hoop", 19999)
                .add(929, "Franklin Sports Bocce Set", 3999);

        Department fanShop = new Department(products, 7, "Fan Shop");
        fanShop.category(43, "Soccer")
                .add(940, "Adidas Brazuca Official Match Ball", 15999)
                .add(943, "Nike Mercurial Shin Guards", 2499)
                .add(945, "Adidas Goalkeeper Gloves", 3999);
        fanShop.category(44, "Basketball")
                .popular(957, "Spalding NBA Street Basketball", 2499)
                .add(959, "Wilson Evolution Indoor Basketball", 5999);
        fanShop.category(45, "Lacrosse").add(977, "STX Stallion 500 Lacrosse Stick", 7999);
        fanShop.category(46, "Fan Jerseys")
                .add(982, "NFL Replica Home Jersey", 9999)
                .add(986, "MLB Replica Cool Base Jersey", 11999);
        fanShop.category(47, "As Seen on  TV!").add(1004, "Ab Roller Wheel Kit", 1999);
        fanShop.category(48, "Toys")
                .add(1012, "Nerf N-Strike Elite Blaster", 2999)
                .add(1014, "Ultimate Flying Disc", 1299);

        Department books = new Department(products, 8, "Book Shop");
        books.category(49, "Books ")
                .add(1026, "The Runner's Training Guide", 2499)
                .add(1028, "Golf Fundamentals Illustrated", 1999)
                .add(1031, "Strength Coaching Handbook", 3499);
        books.category(50, "Music")
                .add(1043, "Workout Beats Vol. 1 CD", 999)
                .add(1045, "Stadium Anthems Collection", 1299);

        Department discs = new Department(products, 9, "Discs Shop");
        discs.category(51, "DVDs").add(1057, "Total Body Bootcamp DVD", 1499).add(1059, "Yoga for Beginners DVD", 1199);
        discs.category(52, "Video Games")
                .add(1073, "Madden NFL 16 Video Game", 5999)
                .add(1075, "FIFA 16 Video Game", 5999)
                .add(1077, "NBA 2K16 Video Game", 5999);

        Department technology = new Department(products, 10, "Technology");
        technology
                .category(53, "Computers")
                .add(1087, "Chromebook 11 Laptop", 24999)
                .add(1089, "Lenovo IdeaPad 15 Laptop", 44999);
        technology
                .category(54, "Cameras ")
                .add(1096, "GoPro Hero4 Silver Action Camera", 39999)
                .add(1098, "Nikon Coolpix Waterproof Camera", 19999);
        technology
                .category(55, "Consumer Electronics")
                .add(1109, "Beats Powerbeats2 Wireless Earphones", 19995)
                .add(1112, "JBL Flip 3 Bluetooth Speaker", 9995)
                .add(1114, "Fitbit Charge HR Activity Tracker", 14995);
        technology.category(56, "Garden").add(1125, "Solar Garden Stake Lights", 2999);

        Department petShop = new Department(products, 11, "Pet Shop");
        petShop.category(57, "Pet Supplies")
                .add(1134, "Ruffwear Front Range Dog Harness", 3995)
                .add(1137, "Kong Classic Dog Toy", 1299)
                .add(1140, "Outward Hound Dog Life Jacket", 2999);
        petShop.category(58, "Baby ").add(1151, "Graco Jogging Stroller", 22999).add(1153, "Baby Sun Hat", 1499);

        Department health = new Department(products, 12, "Health and Beauty");
        health.category(59, "Health and Beauty")
                .add(1165, "Banana Boat Sport Sunscreen SPF 50", 999)
                .add(1168, "Sports Massage Foam Roller", 2499)
                .add(1170, "Hydro Flask 32 oz Water Bottle", 3995);
        health.category(60, "Nutrition")
                .add(1181, "Whey Protein Powder 5 lb", 5499)
                .add(1183, "Electrolyte Drink Mix 24-Pack", 1999);
        return List.copyOf(products);
    }

    /** The image URL of the source: the name with '+' for spaces and '%27'/'%2B' escapes, then a trailing space. */
    static String imageUrl(String name) {
        StringBuilder url = new StringBuilder(IMAGE_PREFIX);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case ' ' -> url.append('+');
                case '\'' -> url.append("%27");
                case '+' -> url.append("%2B");
                default -> url.append(c);
            }
        }
        return url.append(' ').toString();
    }

    /** Collects the products of one department. */
    private record Department(List<Product> products, int id, String name) {
        Category category(int categoryId, String categoryName) {
            return new Category(this, categoryId, categoryName);
        }
    }

    /** Adds products of one category. */
    private record Category(Department department, int id, String name) {
        Category add(int cardId, String productName, long priceCents) {
            return product(cardId, productName, priceCents, false, false);
        }

        Category popular(int cardId, String productName, long priceCents) {
            return product(cardId, productName, priceCents, true, false);
        }

        Category unavailable(int cardId, String productName, long priceCents) {
            return product(cardId, productName, priceCents, false, true);
        }

        private Category product(
                int cardId, String productName, long priceCents, boolean popular, boolean unavailable) {
            department
                    .products()
                    .add(new Product(
                            cardId,
                            Integer.toString(cardId),
                            Integer.toString(id),
                            name,
                            Integer.toString(department.id()),
                            department.name(),
                            productName + " ",
                            imageUrl(productName),
                            priceCents,
                            Decimals.format(priceCents, 2),
                            unavailable ? "1" : "0",
                            popular));
            return this;
        }
    }
}
