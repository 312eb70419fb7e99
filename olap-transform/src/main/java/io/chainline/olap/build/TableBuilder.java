package io.chainline.olap.build;

/**
 * Builds one silver table from the conformed rows. Implementations are registered by their table's name
 * ({@code dim_customer}, used in paths, checks and the manifest) with {@code OlapModule.addTableBuilder(binder,
 * name)}, so an embedding project adds a table by registering a new name and replaces one by overriding
 * {@code OlapModule.tableBuilderKey(name)} ({@code Modules.override}); every registered builder's table is written,
 * checked and listed in the manifest. Tables are built one after another in the order of their names, each just
 * before it is written.
 *
 * <p>{@link #build} must only describe the table (lazily, as Spark plans): the stage runs it, counts it from the
 * cached result and writes it. It may throw to fail the build; nothing is published then.
 */
public interface TableBuilder {

    /**
     * The table for this build; its {@link BuiltTable#name()} must be the name the builder is registered under.
     *
     * @param input the conformed rows (one per order item) and the run they belong to
     */
    BuiltTable build(BuildInput input);
}
