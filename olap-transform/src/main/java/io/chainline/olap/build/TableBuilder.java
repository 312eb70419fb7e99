package io.chainline.olap.build;

/**
 * Builds one silver table from the conformed rows. Implementations are bound with Guice under
 * {@code OlapModule.tableBuilderKey(name)}, so an embedding project adds a table by binding a new name and replaces
 * one by overriding that key ({@code Modules.override}); every bound builder's table is written, checked and listed
 * in the manifest. Tables are built one after another in the order of their names, each just before it is written.
 *
 * <p>{@link #build} must only describe the table (lazily, as Spark plans): the stage runs it, counts it from the
 * cached result and writes it. It may throw to fail the build; nothing is published then.
 */
public interface TableBuilder {

    /** The table name, unique among the bound builders, e.g. {@code dim_customer}; used in paths and checks. */
    String name();

    /**
     * The table for this build.
     *
     * @param input the conformed rows (one per order item) and the run they belong to
     */
    BuiltTable build(BuildInput input);
}
