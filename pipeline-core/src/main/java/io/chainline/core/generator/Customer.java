package io.chainline.core.generator;

/**
 * One synthetic customer with its values in file form. Latitude and Longitude are the customer's location, as in
 * the dataset (not the order's destination).
 *
 * @param idText    Customer Id (also Order Customer Id)
 * @param fname     Customer Fname
 * @param lname     Customer Lname
 * @param segment   Customer Segment
 * @param street    Customer Street
 * @param city      Customer City
 * @param state     Customer State
 * @param zipcode   Customer Zipcode, sometimes empty
 * @param country   Customer Country ({@code "EE. UU."} or {@code "Puerto Rico"})
 * @param latitude  Latitude
 * @param longitude Longitude
 */
record Customer(
        String idText,
        String fname,
        String lname,
        String segment,
        String street,
        String city,
        String state,
        String zipcode,
        String country,
        String latitude,
        String longitude) {}
