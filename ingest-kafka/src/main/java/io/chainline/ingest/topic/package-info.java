/**
 * The Kafka topics of an ingest ({@code chainline.ingest.topic}, {@code dlq-topic}, {@code positions-topic}) and
 * their creation, shared by the ingest stage and {@code chainline start-kafka} so that their settings live in one
 * place.
 */
package io.chainline.ingest.topic;
