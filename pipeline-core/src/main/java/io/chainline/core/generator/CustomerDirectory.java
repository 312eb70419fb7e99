package io.chainline.core.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic customers, ids 1 to {@value #CUSTOMER_COUNT}. Every attribute is a function of the id alone (not
 * of the seed or the row), so a customer id means the same person in every generated file. About 40 % live in
 * Puerto Rico (most in Caguas, as in the dataset), the rest in the United States ({@code "EE. UU."}).
 */
final class CustomerDirectory {
    /** Customer ids are drawn from 1 to this; about 20,000 of them appear in 180,519 rows. */
    static final int CUSTOMER_COUNT = 20_700;

    private static final long CUSTOMER_SALT = 0x3C6EF372FE94F82BL;
    private static final int PUERTO_RICO_PERCENT = 40;
    /** One customer in this many has an empty Customer Zipcode. */
    private static final int EMPTY_ZIPCODE_ONE_IN = 400;
    /** Customers live within this many 1e-8 degrees of their city's centre. */
    private static final int JITTER = 6_000_000;

    private static final double UNITS_PER_DEGREE = 1e8;

    private static final WeightedChoice<City> PUERTO_RICO = new Cities("Puerto Rico", 0)
            .add("Caguas", "PR", 725, 18.2341, -66.0485, 70)
            .add("Bayamon", "PR", 956, 18.3985, -66.1557, 6)
            .add("San Juan", "PR", 921, 18.4655, -66.1057, 6)
            .add("Carolina", "PR", 983, 18.3808, -65.9574, 5)
            .add("Guaynabo", "PR", 969, 18.3576, -66.1110, 4)
            .add("Canovanas", "PR", 729, 18.3793, -65.9012, 3)
            .add("Ponce", "PR", 730, 18.0111, -66.6141, 3)
            .add("Mayaguez", "PR", 680, 18.2011, -67.1396, 3)
            .choice();

    private static final WeightedChoice<City> UNITED_STATES = new Cities("EE. UU.", 20)
            .add("Chicago", "IL", 60629, 41.8781, -87.6298, 8)
            .add("Los Angeles", "CA", 90027, 34.0522, -118.2437, 8)
            .add("New York", "NY", 10035, 40.7128, -74.0060, 7)
            .add("Brooklyn", "NY", 11207, 40.6782, -73.9442, 6)
            .add("Philadelphia", "PA", 19134, 39.9526, -75.1652, 4)
            .add("Houston", "TX", 77036, 29.7604, -95.3698, 4)
            .add("Dallas", "TX", 75220, 32.7767, -96.7970, 3)
            .add("San Diego", "CA", 92109, 32.7157, -117.1611, 3)
            .add("San Jose", "CA", 95125, 37.3382, -121.8863, 3)
            .add("Detroit", "MI", 48238, 42.3314, -83.0458, 3)
            .add("Miami", "FL", 33162, 25.7617, -80.1918, 3)
            .add("Atlanta", "GA", 30318, 33.7490, -84.3880, 3)
            .add("Denver", "CO", 80219, 39.7392, -104.9903, 2)
            .add("Phoenix", "AZ", 85032, 33.4484, -112.0740, 2)
            .add("Seattle", "WA", 98103, 47.6062, -122.3321, 2)
            .add("Portland", "OR", 97229, 45.5152, -122.6784, 2)
            .add("Las Vegas", "NV", 89110, 36.1699, -115.1398, 2)
            .add("Columbus", "OH", 43207, 39.9612, -82.9988, 2)
            .add("Cleveland", "OH", 44107, 41.4993, -81.6944, 2)
            .add("Baltimore", "MD", 21215, 39.2904, -76.6122, 2)
            .add("Boston", "MA", 2128, 42.3601, -71.0589, 2)
            .add("Peabody", "MA", 1960, 42.5279, -70.9287, 1)
            .add("Tonawanda", "NY", 14150, 43.0203, -78.8803, 1)
            .add("Sacramento", "CA", 95823, 38.5816, -121.4944, 2)
            .add("Fremont", "CA", 94539, 37.5485, -121.9886, 1)
            .add("Salinas", "CA", 93905, 36.6777, -121.6555, 1)
            .add("Newark", "DE", 19702, 39.6837, -75.7497, 1)
            .add("Billings", "MT", 59102, 45.7833, -108.5007, 1)
            .add("Memphis", "TN", 38109, 35.1495, -90.0490, 1)
            .add("Milwaukee", "WI", 53209, 43.0389, -87.9065, 1)
            .add("Minneapolis", "MN", 55407, 44.9778, -93.2650, 1)
            .add("Charlotte", "NC", 28269, 35.2271, -80.8431, 1)
            .add("Honolulu", "HI", 96817, 21.3069, -157.8583, 1)
            .add("Albuquerque", "NM", 87111, 35.0844, -106.6504, 1)
            .choice();

    private static final WeightedChoice<String> SEGMENTS =
            WeightedChoice.of(List.of("Consumer", "Corporate", "Home Office"), new int[] {52, 30, 18});
    private static final List<String> FIRST_NAMES = List.of(
            "Mary",
            "James",
            "Robert",
            "John",
            "Michael",
            "David",
            "William",
            "Richard",
            "Joseph",
            "Thomas",
            "Charles",
            "Christopher",
            "Daniel",
            "Matthew",
            "Anthony",
            "Mark",
            "Donald",
            "Steven",
            "Paul",
            "Andrew",
            "Joshua",
            "Kenneth",
            "Kevin",
            "Brian",
            "George",
            "Patricia",
            "Jennifer",
            "Linda",
            "Elizabeth",
            "Barbara",
            "Susan",
            "Jessica",
            "Sarah",
            "Karen",
            "Lisa",
            "Nancy",
            "Betty",
            "Margaret",
            "Sandra",
            "Ashley",
            "Kimberly",
            "Emily",
            "Donna",
            "Michelle",
            "Carol",
            "Amanda",
            "Melissa",
            "Deborah",
            "Stephanie",
            "Rebecca",
            "Sharon",
            "Laura",
            "Cynthia",
            "Kathleen",
            "Amy",
            "Angela",
            "Shirley",
            "Anna",
            "Brenda",
            "Pamela",
            "Irene",
            "Tana",
            "Gillian",
            "Cally",
            "Jose",
            "Luis",
            "Carmen",
            "Ana",
            "Juan",
            "Rosa");
    private static final List<String> LAST_NAMES = List.of(
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Garcia",
            "Miller",
            "Davis",
            "Rodriguez",
            "Martinez",
            "Hernandez",
            "Lopez",
            "Gonzalez",
            "Wilson",
            "Anderson",
            "Thomas",
            "Taylor",
            "Moore",
            "Jackson",
            "Martin",
            "Lee",
            "Perez",
            "Thompson",
            "White",
            "Harris",
            "Sanchez",
            "Clark",
            "Ramirez",
            "Lewis",
            "Robinson",
            "Walker",
            "Young",
            "Allen",
            "King",
            "Wright",
            "Scott",
            "Torres",
            "Nguyen",
            "Hill",
            "Flores",
            "Green",
            "Adams",
            "Nelson",
            "Baker",
            "Hall",
            "Rivera",
            "Campbell",
            "Mitchell",
            "Carter",
            "Roberts",
            "Holloway",
            "Luna",
            "Maldonado",
            "Tate",
            "Cruz",
            "Ortiz",
            "Morales",
            "Reyes",
            "Vazquez",
            "Diaz");
    private static final List<String> STREET_ADJECTIVES = List.of(
            "Noble",
            "Rustic",
            "Round",
            "Amber",
            "Quiet",
            "Misty",
            "Golden",
            "Silent",
            "Little",
            "Lazy",
            "Pleasant",
            "Shady",
            "Sunny",
            "Gentle",
            "Hidden",
            "Old",
            "Velvet",
            "Emerald",
            "Indian",
            "Crystal",
            "Cozy",
            "Dusty",
            "Foggy",
            "Harvest",
            "Iron",
            "Jagged",
            "Lost",
            "Merry",
            "Honey",
            "Burning",
            "Cinder",
            "Clear",
            "Colonial",
            "Easy",
            "Fallen",
            "Grand",
            "Heather",
            "High",
            "Square",
            "Stony");
    private static final List<String> STREET_NOUNS = List.of(
            "Nectar",
            "Bear",
            "Pine",
            "Deer",
            "Brook",
            "Fox",
            "Hickory",
            "Willow",
            "Oak",
            "Elk",
            "Robin",
            "Pony",
            "Maple",
            "Mountain",
            "Panda",
            "Sparrow",
            "Timber",
            "Zephyr",
            "Apple",
            "Beacon",
            "Blossom",
            "Butterfly",
            "Cider",
            "Creek",
            "Dale",
            "Embers",
            "Forest",
            "Goose",
            "Hawk",
            "Lake");
    private static final List<String> STREET_SUFFIXES = List.of(
            "Island",
            "Loop",
            "Gate",
            "Bend",
            "Street",
            "Avenue",
            "Road",
            "Lane",
            "Drive",
            "Court",
            "Way",
            "Trail",
            "Path",
            "Pike",
            "Place",
            "Circle",
            "Terrace",
            "Run",
            "Row",
            "Boulevard");

    private CustomerDirectory() {}

    /** Every customer, index {@code id - 1}; built once, on first use. */
    static List<Customer> customers() {
        return Table.CUSTOMERS;
    }

    /** The customer with id {@code id} (1 to {@value #CUSTOMER_COUNT}). */
    static Customer derive(int id) {
        SplitMix64 random = new SplitMix64(SplitMix64.mix(CUSTOMER_SALT + id * SplitMix64.GOLDEN_GAMMA));
        City city = random.nextInt(100) < PUERTO_RICO_PERCENT ? PUERTO_RICO.pick(random) : UNITED_STATES.pick(random);
        String fname = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String lname = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        String segment = SEGMENTS.pick(random);
        StringBuilder street = new StringBuilder()
                .append(random.nextInt(1, 9999))
                .append(' ')
                .append(STREET_ADJECTIVES.get(random.nextInt(STREET_ADJECTIVES.size())))
                .append(' ');
        if (random.nextInt(2) == 0) {
            street.append(STREET_NOUNS.get(random.nextInt(STREET_NOUNS.size()))).append(' ');
        }
        street.append(STREET_SUFFIXES.get(random.nextInt(STREET_SUFFIXES.size())));
        int zipcode = city.zipcode() + (city.zipcodeSpread() == 0 ? 0 : random.nextInt(city.zipcodeSpread()));
        boolean emptyZipcode = random.nextInt(EMPTY_ZIPCODE_ONE_IN) == 0;
        long latitude = city.latitude() + random.nextInt(-JITTER, JITTER);
        long longitude = city.longitude() + random.nextInt(-JITTER, JITTER);
        return new Customer(
                Integer.toString(id),
                fname,
                lname,
                segment,
                street.toString(),
                city.name(),
                city.state(),
                emptyZipcode ? "" : Integer.toString(zipcode),
                city.country(),
                Decimals.format(latitude, 8),
                Decimals.format(longitude, 8));
    }

    /** A city customers live in; coordinates in 1e-8 degrees. */
    private record City(
            String name, String state, String country, int zipcode, int zipcodeSpread, long latitude, long longitude) {}

    /** Builds a weighted choice of the cities of one country. */
    private static final class Cities {
        private final String country;
        private final int zipcodeSpread;
        private final List<City> cities = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        Cities(String country, int zipcodeSpread) {
            this.country = country;
            this.zipcodeSpread = zipcodeSpread;
        }

        Cities add(String name, String state, int zipcode, double latitude, double longitude, int weight) {
            cities.add(new City(
                    name,
                    state,
                    country,
                    zipcode,
                    zipcodeSpread,
                    Math.round(latitude * UNITS_PER_DEGREE),
                    Math.round(longitude * UNITS_PER_DEGREE)));
            weights.add(weight);
            return this;
        }

        WeightedChoice<City> choice() {
            return WeightedChoice.of(
                    cities, weights.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Holds the customer table, so it is built only when a generator first needs it. */
    private static final class Table {
        static final List<Customer> CUSTOMERS = build();

        private static List<Customer> build() {
            List<Customer> customers = new ArrayList<>(CUSTOMER_COUNT);
            for (int id = 1; id <= CUSTOMER_COUNT; id++) {
                customers.add(derive(id));
            }
            return List.copyOf(customers);
        }
    }
}
