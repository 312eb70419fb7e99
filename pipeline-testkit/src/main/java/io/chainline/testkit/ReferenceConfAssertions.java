package io.chainline.testkit;

import java.net.URL;
import java.util.List;

import io.chainline.core.config.ReferenceConfDocs;

/** Checks a module's own {@code reference.conf}: present, and a comment above every key. */
public final class ReferenceConfAssertions {

    private ReferenceConfAssertions() {}

    /**
     * Asserts that the {@code reference.conf} in the jar (or classes directory) of {@code moduleClass} documents
     * every key.
     */
    public static void assertEveryKeyDocumented(Class<?> moduleClass) {
        URL location = moduleClass.getProtectionDomain().getCodeSource().getLocation();
        URL reference;
        try {
            String base = location.toString();
            reference = new URL(base.endsWith(".jar") ? "jar:" + base + "!/reference.conf" : base + "reference.conf");
            reference.openStream().close();
        } catch (java.io.IOException e) {
            throw new AssertionError("no reference.conf next to " + moduleClass.getName() + " in " + location, e);
        }
        List<String> undocumented = ReferenceConfDocs.undocumentedKeys(reference);
        if (!undocumented.isEmpty()) {
            throw new AssertionError("keys without a comment in " + reference + ": " + undocumented);
        }
    }
}
