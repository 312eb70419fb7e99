package io.chainline.olap.build;

import java.util.List;

/** {@code dim_department}, keyed by {@code department_id}: the latest name wins. */
public final class DimDepartmentBuilder implements TableBuilder {
    /** The table's name. */
    public static final String NAME = "dim_department";

    @Override
    public BuiltTable build(BuildInput input) {
        return Dimensions.naturalKey(input, NAME, "department_id", List.of("department_name"));
    }
}
