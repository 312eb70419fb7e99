package io.chainline.sinks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.sinks}: the consumer group and the sinks that receive every record.
 *
 * @param groupId the Kafka consumer group
 * @param enabled the sinks to write to, by type name
 */
public record SinksSettings(String groupId, Set<String> enabled) {
    /** The sink type names this module provides. */
    public static final List<String> KNOWN_SINKS = List.of("postgres", "raw");

    public SinksSettings {
        requireNonNull(groupId, "groupId is null");
        enabled = Set.copyOf(requireNonNull(enabled, "enabled is null"));
    }

    /** Reads and validates {@code chainline.sinks}. */
    public static SinksSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.sinks");
        String groupId = read.nonEmptyString("group-id");
        List<String> enabled = read.stringList("enabled");
        List<String> unknown = new ArrayList<>(enabled);
        unknown.removeAll(KNOWN_SINKS);
        if (!unknown.isEmpty()) {
            read.problem("enabled", enabled, "unknown sink " + unknown + "; known sinks are " + KNOWN_SINKS);
        } else if (enabled.isEmpty()) {
            read.problem("enabled", enabled, "must name at least one sink of " + KNOWN_SINKS);
        }
        read.throwIfInvalid();
        return new SinksSettings(groupId, new LinkedHashSet<>(enabled));
    }
}
