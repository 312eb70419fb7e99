package io.chainline.export.mage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.Secret;
import io.chainline.core.config.SettingsReader;
import io.chainline.core.error.ConfigException;
import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.mage}: the Mage server the {@code mage} export mode and {@code chainline start-mage} talk to, how
 * they authenticate, where the pipeline lives and how long they wait.
 *
 * @param url the server's base URL (with any base path); empty means "no Mage": the direct exporter is used
 * @param apiKey the value of the {@code X-API-KEY} header; empty sends none
 * @param user the login (email or user name) for a session; empty means no session
 * @param password the login's password
 * @param projectDir the Mage project directory when Chainline shares its file system; empty means "use the API"
 * @param pipeline the uuid of the provisioned pipeline
 * @param triggerName the name of the pipeline's API trigger
 * @param bigQuery where the pipeline's exporter blocks load the tables
 * @param pollInterval the first pause between two reads of a run's status; it doubles up to {@code maxPollInterval}
 * @param maxPollInterval the longest pause between two reads of a run's status
 * @param runTimeout how long a run may take, from the trigger to a terminal status
 * @param requestTimeout how long one HTTP request may take
 * @param connectRetries how often a request that cannot reach the server is retried
 * @param retryBackoff the pause before the first retry; it doubles with every further one
 */
public record MageSettings(
        Optional<URI> url,
        Secret apiKey,
        String user,
        Secret password,
        Optional<Path> projectDir,
        String pipeline,
        String triggerName,
        BigQueryTarget bigQuery,
        Duration pollInterval,
        Duration maxPollInterval,
        Duration runTimeout,
        Duration requestTimeout,
        int connectRetries,
        Duration retryBackoff) {
    private static final String PREFIX = "chainline.mage";
    private static final Pattern MAGE_UUID = Pattern.compile("[a-z0-9_]+");

    /**
     * The BigQuery destination written into the exporter blocks.
     *
     * @param project the Google Cloud project; empty uses the one of the Mage server's credentials
     * @param dataset the dataset, created when missing
     * @param location the dataset's location, e.g. {@code US} or {@code EU}
     */
    public record BigQueryTarget(String project, String dataset, String location) {
        public BigQueryTarget {
            requireNonNull(project, "project is null");
            requireNonNull(dataset, "dataset is null");
            requireNonNull(location, "location is null");
        }

        /** {@code project.dataset.table}, or {@code dataset.table} when no project is configured. */
        public String tableId(String table) {
            return (project.isEmpty() ? "" : project + ".") + dataset + "." + table;
        }
    }

    public MageSettings {
        requireNonNull(url, "url is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(triggerName, "triggerName is null");
        requireNonNull(bigQuery, "bigQuery is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(maxPollInterval, "maxPollInterval is null");
        requireNonNull(runTimeout, "runTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(retryBackoff, "retryBackoff is null");
    }

    /** Reads and validates {@code chainline.mage}. */
    public static MageSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, PREFIX);
        Optional<URI> url = read.optionalString("url").map(raw -> read.uri("url"));
        url.filter(uri -> !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
                .ifPresent(uri -> read.problem(
                        "url",
                        Redactor.redactText(uri.toString()),
                        "must be an http:// or https:// URL, e.g. http://127.0.0.1:6789"));
        Secret apiKey = read.secret("api-key");
        String user = read.string("user").trim();
        Secret password = read.secret("password");
        Optional<Path> projectDir = read.optionalPath("project-dir");
        String pipeline = mageUuid(read, "pipeline");
        String triggerName = read.nonEmptyString("trigger-name").trim();
        BigQueryTarget bigQuery = new BigQueryTarget(
                read.string("bigquery.project").trim(),
                read.nonEmptyString("bigquery.dataset").trim(),
                read.nonEmptyString("bigquery.location").trim());
        Duration poll = read.duration("poll-interval", Duration.ofMillis(1));
        Duration maxPoll = read.duration("max-poll-interval", Duration.ofMillis(1));
        if (maxPoll.compareTo(poll) < 0) {
            read.problem(
                    "max-poll-interval",
                    maxPoll.toString().substring(2).toLowerCase(Locale.ROOT),
                    "must be at least 'chainline.mage.poll-interval'");
        }
        Duration runTimeout = read.duration("run-timeout", Duration.ofMillis(1));
        Duration requestTimeout = read.duration("request-timeout", Duration.ofMillis(1));
        int retries = (int) read.longBetween("connect-retries", 0, 100);
        Duration backoff = read.duration("retry-backoff", Duration.ZERO);
        read.throwIfInvalid();
        return new MageSettings(
                url,
                apiKey,
                user,
                password,
                projectDir,
                pipeline,
                triggerName,
                bigQuery,
                poll,
                maxPoll,
                runTimeout,
                requestTimeout,
                retries,
                backoff);
    }

    /**
     * The server URL, for the commands that need one.
     *
     * @throws ConfigException when {@code chainline.mage.url} is empty
     */
    public URI requireUrl() {
        return url.orElseThrow(() -> new ConfigException("Missing value for '" + PREFIX + ".url': the Mage server's URL"
                + " (e.g. http://127.0.0.1:6789) must be set to use Mage; without it use export mode 'bigquery'"));
    }

    /** Whether a session login is configured. */
    public boolean usesSession() {
        return !user.isEmpty();
    }

    private static String mageUuid(SettingsReader read, String key) {
        String value = read.nonEmptyString(key).trim();
        if (!value.isEmpty() && !MAGE_UUID.matcher(value).matches()) {
            read.problem(key, value, "must be a Mage uuid: lower-case letters, digits and _");
        }
        return value;
    }
}
