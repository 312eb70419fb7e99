package io.chainline.core.generator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCatalogTest {
    private final List<Product> products = ProductCatalog.products();

    @Test
    void hasTheDatasetsCardinalities() {
        assertThat(products).hasSize(118);
        assertThat(products).extracting(Product::cardId).doesNotHaveDuplicates();
        assertThat(products.stream().map(Product::categoryIdText).distinct().count())
                .isEqualTo(51);
        assertThat(products.stream().map(Product::departmentIdText).distinct())
                .containsExactly("2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(products.stream().filter(Product::popular).count()).isEqualTo(10);
    }

    @Test
    void eachCategoryBelongsToOneDepartmentAndHasOneName() {
        assertThat(products.stream()
                        .map(p -> p.categoryIdText() + "|" + p.departmentIdText() + "|" + p.categoryName())
                        .distinct()
                        .count())
                .isEqualTo(51);
    }

    @Test
    void namesAndImagesKeepTheTrailingSpace() {
        assertThat(products).allSatisfy(product -> {
            assertThat(product.name()).endsWith(" ").doesNotEndWith("  ");
            assertThat(product.image())
                    .isEqualTo(ProductCatalog.imageUrl(product.name().trim()));
            assertThat(product.priceCents()).isPositive();
        });
        assertThat(ProductCatalog.imageUrl("Nike Men's Free 5.0+ Running Shoe"))
                .isEqualTo("http://images.acmesports.sports/Nike+Men%27s+Free+5.0%2B+Running+Shoe ");
        assertThat(products)
                .filteredOn(product -> product.cardId() == 1360)
                .singleElement()
                .satisfies(product -> {
                    assertThat(product.name()).isEqualTo("Smart watch ");
                    assertThat(product.image()).isEqualTo("http://images.acmesports.sports/Smart+watch ");
                    assertThat(product.priceText()).isEqualTo("327.75");
                    assertThat(product.categoryName()).isEqualTo("Sporting Goods");
                    assertThat(product.departmentName()).isEqualTo("Fitness");
                });
    }
}
