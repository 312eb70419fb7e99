package io.chainline.sinks.consume;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ChainlineException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicIncarnationTest {

    private static TopicIncarnation answering(List<Optional<String>> answers) {
        Deque<Optional<String>> left = new ArrayDeque<>(answers);
        return new TopicIncarnation("supply_chain_data", "idA", left::removeFirst);
    }

    @Test
    void theSameIdPasses() {
        TopicIncarnation incarnation = answering(List.of(Optional.of("idA"), Optional.of("idA")));

        incarnation.verify();

        assertThat(incarnation.unchanged()).isTrue();
        assertThat(incarnation.gone()).isFalse();
    }

    @Test
    void aNewIdStopsTheRunNamingTheTopicAndBothIdsAndNothingIsCommittedAfterIt() {
        TopicIncarnation incarnation = answering(List.of(Optional.of("idB")));

        assertThatThrownBy(incarnation::verify)
                .isExactlyInstanceOf(ChainlineException.class)
                .hasMessage("topic supply_chain_data was deleted and recreated while consuming (id idA → idB); run"
                        + " again to consume the new topic");
        assertThat(incarnation.gone()).isTrue();
    }

    @Test
    void aDeletedTopicIsGoneAndNamedAsDeleted() {
        TopicIncarnation incarnation = answering(List.of(Optional.empty(), Optional.empty()));

        assertThat(incarnation.unchanged()).isFalse();
        assertThat(incarnation.gone()).isTrue();
        assertThatThrownBy(incarnation::verify)
                .hasMessage("topic supply_chain_data was deleted while consuming (id idA); run again once it exists to"
                        + " consume it");
    }
}
