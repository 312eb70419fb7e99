package io.chainline.core.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed table of order destinations in the 5 markets of the dataset, and the market shares that pick among
 * them (LATAM and Europe 29 % each, Pacific Asia 24 %, USCA 10 %, Africa 8 %). Only United States
 * destinations carry an Order Zipcode, so about 93 % of rows have none.
 */
final class OrderLocations {
    private static final List<Market> MARKETS = build();

    private OrderLocations() {}

    /** A choice of destination: a market by its share, then a destination of it uniformly. */
    static WeightedChoice<OrderLocation> byMarketShare() {
        List<OrderLocation> locations = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Market market : MARKETS) {
            int size = market.locations().size();
            for (OrderLocation location : market.locations()) {
                locations.add(location);
                // A market's destinations share its weight; rounding moves a market's share by under 1 %.
                weights.add(Math.round(market.share() * 100f / size));
            }
        }
        return WeightedChoice.of(
                locations, weights.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Market> build() {
        Market africa = new Market("Africa", 8)
                .add("West Africa", "Nigeria", "Lagos", "Lagos")
                .add("West Africa", "Nigeria", "Cross River", "Ugep")
                .add("West Africa", "Senegal", "Dakar", "Dakar")
                .add("West Africa", "Ghana", "Gran Acra", "Acra")
                .add("North Africa", "Egipto", "El Cairo", "El Cairo")
                .add("North Africa", "Egipto", "Alejandría", "Alejandría")
                .add("North Africa", "Marruecos", "Gran Casablanca", "Casablanca")
                .add("North Africa", "Argelia", "Argel", "Argel")
                .add("Central Africa", "República Democrática del Congo", "Kinshasa", "Kinshasa")
                .add("Central Africa", "Camerún", "Litoral", "Duala")
                .add("East Africa", "Kenia", "Nairobi", "Nairobi")
                .add("East Africa", "Etiopía", "Adís Abeba", "Adís Abeba")
                .add("Southern Africa", "Sudáfrica", "Gauteng", "Johannesburgo");
        Market europe = new Market("Europe", 29)
                .add("Western Europe", "Francia", "Isla de Francia", "París")
                .add("Western Europe", "Francia", "Provenza-Alpes-Costa Azul", "Marsella")
                .add("Western Europe", "Alemania", "Berlín", "Berlín")
                .add("Western Europe", "Alemania", "Baviera", "Múnich")
                .add("Western Europe", "Alemania", "Renania del Norte-Westfalia", "Colonia")
                .add("Western Europe", "Países Bajos", "Holanda Septentrional", "Ámsterdam")
                .add("Western Europe", "Austria", "Viena", "Viena")
                .add("Northern Europe", "Reino Unido", "Inglaterra", "Londres")
                .add("Northern Europe", "Reino Unido", "Inglaterra", "Mánchester")
                .add("Northern Europe", "Reino Unido", "Escocia", "Glasgow")
                .add("Northern Europe", "Suecia", "Estocolmo", "Estocolmo")
                .add("Northern Europe", "Irlanda", "Leinster", "Dublín")
                .add("Southern Europe", "Italia", "Lacio", "Roma")
                .add("Southern Europe", "Italia", "Lombardía", "Milán")
                .add("Southern Europe", "España", "Madrid", "Madrid")
                .add("Southern Europe", "España", "Cataluña", "Barcelona")
                .add("Southern Europe", "Portugal", "Lisboa", "Lisboa")
                .add("Eastern Europe", "Polonia", "Mazovia", "Varsovia")
                .add("Eastern Europe", "Rusia", "Moscú", "Moscú")
                .add("Eastern Europe", "Ucrania", "Kiev", "Kiev")
                .add("Eastern Europe", "Hungría", "Budapest", "Budapest");
        Market latam = new Market("LATAM", 29)
                .add("Central America", "México", "Distrito Federal", "Ciudad de México")
                .add("Central America", "México", "Jalisco", "Guadalajara")
                .add("Central America", "México", "Nuevo León", "Monterrey")
                .add("Central America", "Guatemala", "Guatemala", "Ciudad de Guatemala")
                .add("Central America", "Honduras", "Francisco Morazán", "Tegucigalpa")
                .add("Central America", "El Salvador", "San Salvador", "San Salvador")
                .add("Central America", "Panamá", "Panamá", "Panamá")
                .add("South America", "Brasil", "São Paulo", "São Paulo")
                .add("South America", "Brasil", "Río de Janeiro", "Río de Janeiro")
                .add("South America", "Argentina", "Buenos Aires", "Buenos Aires")
                .add("South America", "Colombia", "Bogotá", "Bogotá")
                .add("South America", "Colombia", "Antioquia", "Medellín")
                .add("South America", "Perú", "Lima", "Lima")
                .add("South America", "Chile", "Región Metropolitana", "Santiago")
                .add("South America", "Venezuela", "Distrito Capital", "Caracas")
                .add("Caribbean", "Cuba", "La Habana", "La Habana")
                .add("Caribbean", "República Dominicana", "Santo Domingo", "Santo Domingo")
                .add("Caribbean", "Haití", "Oeste", "Puerto Príncipe");
        Market pacificAsia = new Market("Pacific Asia", 24)
                .add("Eastern Asia", "China", "Guangdong", "Guangzhou")
                .add("Eastern Asia", "China", "Zhejiang", "Yiwu")
                .add("Eastern Asia", "China", "Shanghái", "Shanghái")
                .add("Eastern Asia", "Japón", "Tokio", "Tokio")
                .add("Eastern Asia", "Japón", "Osaka", "Osaka")
                .add("Eastern Asia", "Corea del Sur", "Seúl", "Seúl")
                .add("Eastern Asia", "Mongolia", "Ulán Bator", "Ulan Bator")
                .add("Southeast Asia", "Indonesia", "Java Occidental", "Bekasi")
                .add("Southeast Asia", "Indonesia", "Célebes Septentrional", "Manado")
                .add("Southeast Asia", "Filipinas", "Gran Manila", "Manila")
                .add("Southeast Asia", "Tailandia", "Bangkok", "Bangkok")
                .add("Southeast Asia", "Singapur", "Singapur", "Singapur")
                .add("South Asia", "India", "Rajastán", "Bikaner")
                .add("South Asia", "India", "Karnataka", "Bangalore")
                .add("South Asia", "India", "Maharashtra", "Bombay")
                .add("South Asia", "Pakistán", "Punyab", "Lahore")
                .add("Oceania", "Australia", "Queensland", "Brisbane")
                .add("Oceania", "Australia", "Nueva Gales del Sur", "Sídney")
                .add("Oceania", "Nueva Zelanda", "Auckland", "Auckland")
                .add("West Asia", "Turquía", "Estambul", "Estambul")
                .add("West Asia", "Turquía", "Bursa", "Bursa")
                .add("West Asia", "Irán", "Teherán", "Teherán")
                .add("West Asia", "Arabia Saudí", "Riad", "Riad")
                .add("Central Asia", "Kazajistán", "Almatý", "Almatý");
        Market usca = new Market("USCA", 10)
                .add("West of USA ", "Estados Unidos", "California", "Los Angeles", "90049")
                .add("West of USA ", "Estados Unidos", "California", "San Francisco", "94110")
                .add("West of USA ", "Estados Unidos", "Washington", "Pasco", "99301")
                .add("US Center ", "Estados Unidos", "Kansas", "Overland Park", "66212")
                .add("US Center ", "Estados Unidos", "Illinois", "Chicago", "60629")
                .add("US Center ", "Estados Unidos", "Texas", "Houston", "77036")
                .add("East of USA", "Estados Unidos", "New York", "New York City", "10035")
                .add("East of USA", "Estados Unidos", "Pennsylvania", "Philadelphia", "19134")
                .add("South of  USA ", "Estados Unidos", "Florida", "Miami", "33162")
                .add("South of  USA ", "Estados Unidos", "Georgia", "Atlanta", "30318")
                .add("Canada", "Canadá", "Ontario", "Toronto")
                .add("Canada", "Canadá", "Quebec", "Montreal")
                .add("Canada", "Canadá", "Columbia Británica", "Vancouver")
                .add("Canada", "Canadá", "Alberta", "Calgary");
        return List.of(africa, europe, latam, pacificAsia, usca);
    }

    /** One market's share (in percent) and destinations. */
    private record Market(String name, int share, List<OrderLocation> locations) {
        Market(String name, int share) {
            this(name, share, new ArrayList<>());
        }

        Market add(String region, String country, String state, String city) {
            return add(region, country, state, city, "");
        }

        Market add(String region, String country, String state, String city, String zipcode) {
            locations.add(new OrderLocation(name, region, country, state, city, zipcode));
            return this;
        }
    }
}
