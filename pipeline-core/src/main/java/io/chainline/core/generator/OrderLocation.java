package io.chainline.core.generator;

/**
 * Where an order goes, in the dataset's words: Spanish country, state and city names, region names with the
 * source's trailing spaces, and a zip code only for United States destinations (empty otherwise).
 *
 * @param market  Market
 * @param region  Order Region
 * @param country Order Country
 * @param state   Order State
 * @param city    Order City
 * @param zipcode Order Zipcode, usually empty
 */
record OrderLocation(String market, String region, String country, String state, String city, String zipcode) {}
