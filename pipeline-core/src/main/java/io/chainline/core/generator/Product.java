package io.chainline.core.generator;

/**
 * One product of the synthetic catalog with its values already in file form. The name keeps the source's
 * trailing space, and so does the image URL built from it.
 *
 * @param cardId         Product Card Id (also Order Item Cardprod Id)
 * @param cardIdText     its text
 * @param categoryIdText Category Id (also Product Category Id)
 * @param categoryName   Category Name
 * @param departmentIdText Department Id
 * @param departmentName Department Name
 * @param name           Product Name, with a trailing space
 * @param image          Product Image URL, with a trailing space
 * @param priceCents     Product Price in cents
 * @param priceText      Product Price as written
 * @param statusText     Product Status ({@code "0"} available, {@code "1"} not)
 * @param popular        whether orders pick it often
 */
record Product(
        int cardId,
        String cardIdText,
        String categoryIdText,
        String categoryName,
        String departmentIdText,
        String departmentName,
        String name,
        String image,
        long priceCents,
        String priceText,
        String statusText,
        boolean popular) {}
