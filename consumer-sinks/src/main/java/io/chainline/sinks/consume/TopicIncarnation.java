package io.chainline.sinks.consume;

import java.util.Optional;
import java.util.function.Supplier;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * The incarnation of the topic a consume run drains: the topic id it had when the run started. A topic deleted and
 * created again under the same name gets a new id and starts again at offset 0, and the consumer, which knows
 * topics only by name, would read the new records under the old id (and skip those whose offsets were stored
 * before). So the run checks the id before it hands records to the sinks and after every assignment, and stops
 * when it changed; the next run resolves the new id and consumes the new topic from its start.
 */
final class TopicIncarnation {
    private final String topic;
    private final String topicId;
    private final Supplier<Optional<String>> currentId;
    private volatile boolean gone;
    private volatile Optional<String> lastSeen = Optional.empty();

    /**
     * @param currentId looks the topic's id up now; empty when the topic does not exist
     */
    TopicIncarnation(String topic, String topicId, Supplier<Optional<String>> currentId) {
        this.topic = requireNonNull(topic, "topic is null");
        this.topicId = requireNonNull(topicId, "topicId is null");
        this.currentId = requireNonNull(currentId, "currentId is null");
    }

    /**
     * Checks that the topic still has the id of the start.
     *
     * @throws ChainlineException naming the topic and both ids when it was deleted (and recreated)
     */
    void verify() {
        if (unchanged()) {
            return;
        }
        Optional<String> now = lastSeen;
        String message = now.map(id -> "topic " + topic + " was deleted and recreated while consuming (id " + topicId
                        + " → " + id + "); run again to consume the new topic")
                .orElse("topic " + topic + " was deleted while consuming (id " + topicId
                        + "); run again once it exists to consume it");
        throw new ChainlineException(message);
    }

    /**
     * Looks the topic's id up: false, and {@link #gone()} from then on, when the topic was deleted (and perhaps
     * recreated) since the start.
     *
     * @throws io.chainline.core.error.RetriableException when the cluster does not answer
     */
    boolean unchanged() {
        Optional<String> now = currentId.get();
        if (now.isPresent() && now.get().equals(topicId)) {
            return true;
        }
        gone = true;
        lastSeen = now;
        return false;
    }

    /**
     * Whether a check found the topic deleted or replaced; from then on no offset may be committed, since the
     * group's offsets of the topic's name would apply to the new topic.
     */
    boolean gone() {
        return gone;
    }
}
