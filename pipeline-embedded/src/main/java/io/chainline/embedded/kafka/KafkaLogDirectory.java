package io.chainline.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a KRaft log directory on first use and leaves a formatted one as it is. */
final class KafkaLogDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLogDirectory.class);
    /** Written by the formatter; its presence means the directory holds a cluster already. */
    static final String META_PROPERTIES = "meta.properties";

    private KafkaLogDirectory() {}

    /**
     * Formats {@code logDir} with a random cluster id unless it holds {@value #META_PROPERTIES} already.
     *
     * @return true when the directory was formatted now, false when it was reused
     */
    static boolean formatIfNeeded(Path logDir) throws Exception {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return false;
        }
        Files.createDirectories(logDir);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(BrokerProperties.NODE_ID)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }
        LOG.debug(
                "formatted Kafka log dir {}: {}",
                logDir,
                output.toString(StandardCharsets.UTF_8).strip());
        return true;
    }
}
