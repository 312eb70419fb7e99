package io.chainline.export.mage.client;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A block of a Mage pipeline as Chainline provisions it.
 *
 * @param uuid the block's uuid, also its file name without extension
 * @param type e.g. {@code data_loader} or {@code data_exporter}
 * @param language e.g. {@code python}
 * @param upstream the uuids of the blocks it reads from
 * @param content the block's code
 */
public record MageBlock(String uuid, String type, String language, List<String> upstream, String content) {

    public MageBlock {
        requireNonNull(uuid, "uuid is null");
        requireNonNull(type, "type is null");
        requireNonNull(language, "language is null");
        upstream = List.copyOf(requireNonNull(upstream, "upstream is null"));
        requireNonNull(content, "content is null");
    }
}
