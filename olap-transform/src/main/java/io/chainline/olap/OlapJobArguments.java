package io.chainline.olap;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * The command line of {@link OlapJob}: {@code [--raw URI] [--silver URI] [--config FILE] [--set key=value]...}.
 *
 * @param raw the store root whose {@code raw_streaming/} is read; empty for {@code chainline.store.root}
 * @param silver the store root {@code silver/} is published under; empty for {@code chainline.store.root}
 * @param configFile a HOCON file layered over the defaults, if any
 * @param overrides {@code key=value} overrides, highest layer
 */
public record OlapJobArguments(
        Optional<URI> raw, Optional<URI> silver, Optional<Path> configFile, List<String> overrides) {

    public OlapJobArguments {
        requireNonNull(raw, "raw is null");
        requireNonNull(silver, "silver is null");
        requireNonNull(configFile, "configFile is null");
        overrides = List.copyOf(requireNonNull(overrides, "overrides is null"));
    }

    /**
     * Parses the arguments.
     *
     * @throws ConfigException naming the argument, the value and what was expected
     */
    public static OlapJobArguments parse(String... args) {
        requireNonNull(args, "args is null");
        URI raw = null;
        URI silver = null;
        Path config = null;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new ConfigException("Missing value for '" + name + "': expected --raw URI, --silver URI,"
                        + " --config FILE or --set key=value");
            }
            String value = args[++i];
            switch (name) {
                case "--raw" -> raw = uri(name, value);
                case "--silver" -> silver = uri(name, value);
                case "--config" -> config = Path.of(value);
                case "--set" -> overrides.add(value);
                default ->
                    throw new ConfigException("Invalid argument '" + name + "': expected --raw URI,"
                            + " --silver URI, --config FILE or --set key=value");
            }
        }
        return new OlapJobArguments(
                Optional.ofNullable(raw), Optional.ofNullable(silver), Optional.ofNullable(config), overrides);
    }

    private static URI uri(String name, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                throw new ConfigException("Invalid value '" + value + "' for '" + name
                        + "': must be a URI with a scheme, e.g. gs://bucket/prefix or file:///data");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("Invalid value '" + value + "' for '" + name + "': " + e.getMessage(), e);
        }
    }
}
