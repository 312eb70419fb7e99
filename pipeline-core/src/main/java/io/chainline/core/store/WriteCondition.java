package io.chainline.core.store;

import static java.util.Objects.requireNonNull;

/**
 * The precondition of a {@link BlobStore} write. The check and the write are one atomic step: a write whose
 * condition fails changes nothing and returns {@code false}.
 */
public sealed interface WriteCondition {
    /** Writes unconditionally, replacing any existing object. */
    static WriteCondition always() {
        return Always.INSTANCE;
    }

    /** Writes only if no object of that name exists. */
    static WriteCondition ifAbsent() {
        return IfAbsent.INSTANCE;
    }

    /**
     * Writes only if the object exists and its current generation is {@code generation}
     * (compare-and-swap on the value of {@link BlobInfo#generation()}).
     */
    static WriteCondition ifGeneration(String generation) {
        return new IfGeneration(generation);
    }

    /** See {@link WriteCondition#always()}. */
    enum Always implements WriteCondition {
        /** The only instance. */
        INSTANCE
    }

    /** See {@link WriteCondition#ifAbsent()}. */
    enum IfAbsent implements WriteCondition {
        /** The only instance. */
        INSTANCE
    }

    /**
     * See {@link WriteCondition#ifGeneration(String)}.
     *
     * @param generation the generation the object must have
     */
    record IfGeneration(String generation) implements WriteCondition {
        /** Checks that the generation is present. */
        public IfGeneration {
            requireNonNull(generation, "generation is null");
        }
    }
}
