package io.chainline.export.mage.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chainline.core.config.Secret;
import io.chainline.core.error.RetriableException;
import io.chainline.core.stage.Cancellation;
import io.chainline.export.mage.FakeMage;
import io.chainline.export.mage.LogCapture;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.mage.Secrets;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MageClientIT {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private FakeMage fake;
    private LogCapture logs;
    private long scheduleId;

    @BeforeEach
    void start() {
        fake = FakeMage.start();
        scheduleId = fake.addApiTrigger("chainline_export", "chainline_export_api", TOKEN, "active");
        logs = LogCapture.start();
    }

    @AfterEach
    void stop() {
        logs.close();
        fake.close();
    }

    static MageSettings settings(FakeMage fake, String... more) {
        List<String> overrides = new ArrayList<>(List.of(
                "chainline.mage.url=" + fake.url(),
                "chainline.mage.api-key=" + FakeMage.API_KEY,
                "chainline.mage.poll-interval=10ms",
                "chainline.mage.max-poll-interval=40ms",
                "chainline.mage.run-timeout=10s",
                "chainline.mage.request-timeout=5s",
                "chainline.mage.retry-backoff=20ms"));
        overrides.addAll(List.of(more));
        return MageSettings.from(TestConfigs.load(overrides.toArray(String[]::new)));
    }

    private MageClient client(String... more) {
        return new MageClient(settings(fake, more), HttpClient.newHttpClient());
    }

    private MageTrigger trigger(String token) {
        return new MageTrigger("chainline_export", "chainline_export_api", scheduleId, Secret.of(token));
    }

    @Test
    void aCompletedRunIsReadWithItsBlockRuns() {
        fake.scriptNextRun(List.of(
                fake.runState("initial"),
                fake.runState("running", fake.blockRun("chainline_load_dim_date", "running", null)),
                fake.runState(
                        "completed",
                        fake.blockRun("chainline_load_dim_date", "completed", null),
                        fake.blockRun("chainline_export_dim_date", "completed", null))));
        MageClient client = client();

        MageRun started = client.trigger(trigger(TOKEN), Map.of("chainline_run_id", "r1"));
        MageRun done = client.awaitCompletion(started.id(), new Cancellation());

        assertThat(started.status()).isEqualTo(MageRunStatus.INITIAL);
        assertThat(done.id()).isEqualTo(started.id());
        assertThat(done.status()).isEqualTo(MageRunStatus.COMPLETED);
        assertThat(done.createdAt()).contains(Instant.parse("2026-11-25T12:00:00.123456Z"));
        assertThat(done.blockRuns())
                .extracting(MageBlockRun::blockUuid, MageBlockRun::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chainline_load_dim_date", MageBlockRunStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("chainline_export_dim_date", MageBlockRunStatus.COMPLETED));
        assertThat(done.blockRuns().get(0).duration()).isEqualTo(Duration.ofSeconds(5));
        FakeMage.Request triggerRequest = fake.requests().get(0);
        assertThat(triggerRequest.header("X-API-KEY"))
                .as("the token alone authenticates a trigger")
                .isNull();
        assertThat(triggerRequest.body()).isEqualTo("{\"pipeline_run\":{\"variables\":{\"chainline_run_id\":\"r1\"}}}");
        assertThat(fake.requests().subList(1, fake.requests().size()))
                .allSatisfy(request -> assertThat(request.header("X-API-KEY")).isEqualTo(FakeMage.API_KEY));
        assertThat(logs.text())
                .contains(
                        "Triggered Mage pipeline run " + started.id() + " of chainline_export",
                        "Mage pipeline run " + started.id() + " of chainline_export: completed");
        Secrets.assertAbsent(logs, null, Secrets.of(TOKEN));
    }

    @Test
    void aFailedRunNamesItsFailedBlocksAndTheirErrors() {
        fake.scriptNextRun(List.of(
                fake.runState("running"),
                fake.runState(
                        "failed",
                        fake.blockRun("chainline_load_fact_order", "completed", null),
                        fake.blockRun(
                                "chainline_export_fact_order",
                                "failed",
                                "NotFound: 404 Dataset p:chainline was not found"),
                        fake.blockRun("chainline_export_dim_date", "upstream_failed", null),
                        fake.blockRun("chainline_export_dim_product", "condition_failed", null))));
        MageClient client = client();
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();

        MageRunException failure =
                catchThrowableOfType(MageRunException.class, () -> client.awaitCompletion(runId, new Cancellation()));

        assertThat(failure.outcome()).isEqualTo(MageRunException.Outcome.FAILED);
        assertThat(failure)
                .hasMessage(
                        "Mage pipeline run " + runId + " of chainline_export failed; failed blocks: "
                                + "chainline_export_fact_order (failed: NotFound: 404 Dataset p:chainline was not found), "
                                + "chainline_export_dim_date (upstream_failed), chainline_export_dim_product (condition_failed)");
        assertThat(failure.run().failedBlocks()).hasSize(3);
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN));
    }

    @Test
    void aCancelledRunFails() {
        fake.scriptNextRun(List.of(fake.runState("cancelled")));
        MageClient client = client();
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();

        MageRunException failure =
                catchThrowableOfType(MageRunException.class, () -> client.awaitCompletion(runId, new Cancellation()));

        assertThat(failure.outcome()).isEqualTo(MageRunException.Outcome.CANCELLED);
        assertThat(failure).hasMessageStartingWith("Mage pipeline run " + runId + " of chainline_export was cancelled");
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN));
    }

    @Test
    void aRunStuckInInitialFailsWhenTheTimeoutPasses() {
        fake.scriptNextRun(List.of(fake.runState("initial")));
        MageClient client = client("chainline.mage.run-timeout=400ms");
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();
        long start = System.nanoTime();

        MageRunException failure =
                catchThrowableOfType(MageRunException.class, () -> client.awaitCompletion(runId, new Cancellation()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(failure.outcome()).isEqualTo(MageRunException.Outcome.TIMED_OUT);
        assertThat(failure)
                .hasMessage("Mage pipeline run " + runId + " of chainline_export did not finish within"
                        + " 0.4s: its status is still initial (Mage's scheduler has not started it: is the scheduler running,"
                        + " or does a concurrency limit hold it?)");
        long reads = fake.requests().stream()
                .filter(r -> r.path().equals("/api/pipeline_runs/" + runId))
                .count();
        // 10 ms doubling to 40 ms over 400 ms: about a dozen reads, far fewer than one per 10 ms.
        assertThat(reads).isBetween(3L, 20L);
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN));
    }

    @Test
    void aWrongTriggerTokenIsAnErrorInAnHttp200Body() {
        String wrong = "ffffffffffffffffffffffffffffffff";
        MageClient client = client();

        MageApiException failure =
                catchThrowableOfType(MageApiException.class, () -> client.trigger(trigger(wrong), Map.of()));

        assertThat(failure.kind()).isEqualTo(MageErrorKind.INVALID_TRIGGER_TOKEN);
        assertThat(failure.code()).isEqualTo(500);
        assertThat(failure)
                .hasMessage("Cannot trigger pipeline chainline_export through schedule " + scheduleId
                        + ": Mage at " + fake.url()
                        + " answered an error (code 500): the API trigger's token is wrong or was"
                        + " rotated: run `chainline start-mage` again [Mage: Invalid token for pipeline schedule ID "
                        + scheduleId + ".]");
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN, wrong));
    }

    @Test
    void aBadApiKeyIsRefusedWith401() {
        String badKey = "not-the-key-0000";
        MageClient client = client("chainline.mage.api-key=" + badKey);

        MageApiException failure = catchThrowableOfType(MageApiException.class, () -> client.run(17));

        assertThat(failure.kind()).isEqualTo(MageErrorKind.INVALID_API_KEY);
        assertThat(failure.code()).isEqualTo(401);
        assertThat(failure)
                .hasMessage("Cannot read Mage pipeline run 17: Mage at " + fake.url() + " answered"
                        + " invalid_api_key (code 401, HTTP 401): the API key is missing or wrong: set CHAINLINE_MAGE_API_KEY"
                        + " (chainline.mage.api-key)");
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN, badKey));
    }

    @Test
    void anUnknownRunIsRecordNotFound() {
        MageApiException failure = catchThrowableOfType(MageApiException.class, () -> client().run(999));

        assertThat(failure.kind()).isEqualTo(MageErrorKind.NOT_FOUND);
        assertThat(failure).hasMessageContaining("answered record_not_found (code 404)");
    }

    @Test
    void aRefusedConnectionIsRetriedUntilMageListens() {
        fake.close();
        FakeMage late = FakeMage.notListening();
        long id = late.addApiTrigger("chainline_export", "chainline_export_api", TOKEN, "active");
        logs.onLine("retry 2 of 3", late::listen);
        try {
            MageClient client = new MageClient(settings(late), HttpClient.newHttpClient());

            MageRun run = client.trigger(new MageTrigger("chainline_export", "api", id, Secret.of(TOKEN)), Map.of());

            assertThat(run.status()).isEqualTo(MageRunStatus.INITIAL);
            assertThat(late.requests()).hasSize(1);
            assertThat(logs.text())
                    .contains(
                            "Cannot reach Mage at " + late.url()
                                    + " to trigger pipeline chainline_export through schedule " + id
                                    + " (ConnectException",
                            "retry 1 of 3 in 20 ms",
                            "retry 2 of 3 in 40 ms")
                    .doesNotContain("retry 3 of 3");
            Secrets.assertAbsent(logs, null, Secrets.of(TOKEN));
        } finally {
            late.close();
        }
    }

    @Test
    void aServerThatStaysUnreachableFailsAfterTheRetryBudget() {
        fake.close();
        MageClient client = client("chainline.mage.connect-retries=2");

        RetriableException failure =
                catchThrowableOfType(RetriableException.class, () -> client.trigger(trigger(TOKEN), Map.of()));

        assertThat(failure)
                .hasMessageStartingWith("Cannot trigger pipeline chainline_export through schedule " + scheduleId
                        + ": Mage at " + fake.url() + " is unreachable (ConnectException")
                .hasMessageEndingWith("after 3 attempts");
        assertThat(logs.text()).contains("retry 2 of 2");
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN));
    }

    @Test
    void aSessionIsOpenedOnceAndSentAsCookie() {
        fake.requireSession(true);
        fake.scriptNextRun(List.of(fake.runState("completed")));
        MageClient client =
                client("chainline.mage.user=" + FakeMage.USER, "chainline.mage.password=" + FakeMage.PASSWORD);
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();

        assertThat(client.run(runId).status()).isEqualTo(MageRunStatus.COMPLETED);
        assertThat(client.run(runId).status()).isEqualTo(MageRunStatus.COMPLETED);

        List<String> paths =
                fake.requests().stream().map(FakeMage.Request::path).toList();
        assertThat(paths)
                .containsExactly(
                        "/api/pipeline_schedules/" + scheduleId + "/pipeline_runs/" + TOKEN,
                        "/api/sessions",
                        "/api/pipeline_runs/" + runId,
                        "/api/pipeline_runs/" + runId);
        assertThat(fake.requests().get(2).header("Cookie")).isEqualTo("oauth_token=" + FakeMage.SESSION_JWT);
        Secrets.assertAbsent(logs, null, Secrets.of(TOKEN));
    }

    @Test
    void aRefusedLoginNamesTheUserButNotThePassword() {
        fake.requireSession(true);
        String wrongPassword = "wrong-Passw0rd-123";
        MageClient client = client("chainline.mage.user=" + FakeMage.USER, "chainline.mage.password=" + wrongPassword);

        MageApiException failure = catchThrowableOfType(MageApiException.class, () -> client.run(1));

        assertThat(failure.kind()).isEqualTo(MageErrorKind.NOT_FOUND);
        assertThat(failure)
                .hasMessageStartingWith(
                        "Cannot log in to Mage as " + FakeMage.USER + " (to read Mage pipeline run 1): Mage at "
                                + fake.url() + " answered record_not_found (code 404)");
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN, wrongPassword));
    }

    @Test
    void withoutASessionMageDeniesAccess() {
        fake.requireSession(true);

        MageApiException failure = catchThrowableOfType(MageApiException.class, () -> client().run(1));

        assertThat(failure.kind()).isEqualTo(MageErrorKind.UNAUTHORIZED);
        assertThat(failure).hasMessageContaining("answered unauthorized_access (code 403)");
    }

    @Test
    void anExpiredSessionIsRenewedOnce() {
        fake.requireSession(true);
        fake.scriptNextRun(List.of(fake.runState("running")));
        MageClient client =
                client("chainline.mage.user=" + FakeMage.USER, "chainline.mage.password=" + FakeMage.PASSWORD);
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();
        client.run(runId);
        fake.expireSession();

        assertThat(client.run(runId).status()).isEqualTo(MageRunStatus.RUNNING);

        assertThat(fake.requests().stream()
                        .filter(r -> r.path().equals("/api/sessions"))
                        .count())
                .isEqualTo(2);
        assertThat(logs.text())
                .contains("The Mage session expired; logging in again to read Mage pipeline run " + runId);
        Secrets.assertAbsent(logs, null, Secrets.of(TOKEN));
    }

    @Test
    void aProxyErrorWhilePollingIsRetried() {
        fake.scriptNextRun(List.of(fake.runState("completed")));
        MageClient client = client();
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();
        fake.gatewayErrors(2);

        assertThat(client.run(runId).status()).isEqualTo(MageRunStatus.COMPLETED);

        assertThat(logs.text()).contains("to read Mage pipeline run " + runId + " (HTTP 503); retry 2 of 3");
    }

    @Test
    void aTriggerThatMayHaveArrivedIsNotSentAgain() {
        fake.gatewayErrors(1);

        RetriableException failure =
                catchThrowableOfType(RetriableException.class, () -> client().trigger(trigger(TOKEN), Map.of()));

        assertThat(failure)
                .hasMessage("Cannot trigger pipeline chainline_export through schedule " + scheduleId + ": Mage at "
                        + fake.url() + " is not available (HTTP 503) after 1 attempt");
        assertThat(fake.requests()).hasSize(1);
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN));
    }

    @Test
    void waitingStopsWhenTheRunIsCancelled() {
        fake.scriptNextRun(List.of(fake.runState("running")));
        MageClient client = client();
        long runId = client.trigger(trigger(TOKEN), Map.of()).id();
        Cancellation cancellation = new Cancellation();
        cancellation.cancel("stopped by a signal");

        assertThat(catchThrowableOfType(
                        io.chainline.core.error.ChainlineException.class,
                        () -> client.awaitCompletion(runId, cancellation)))
                .hasMessage("Run cancelled: stopped by a signal");
    }
}
