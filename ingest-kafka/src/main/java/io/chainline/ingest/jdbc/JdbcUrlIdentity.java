package io.chainline.ingest.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.chainline.core.redact.Redactor;

/**
 * Which database a JDBC URL points at, without its credentials: {@code jdbc:postgresql://reader:pw@db:5432/shop?
 * user=reader&password=pw&ssl=true} is {@code jdbc:postgresql://db:5432/shop?ssl=true}. User and password are
 * dropped (not masked), so that a changed password or user keeps the same identity; other parameters stay.
 */
final class JdbcUrlIdentity {
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?;]*@");
    /** Oracle's thin form: {@code jdbc:oracle:thin:scott/tiger@//db:1521/orcl}. */
    private static final Pattern ORACLE_USER_INFO = Pattern.compile("(?i)^(jdbc:oracle:[a-z0-9]+:)[^@]*@");
    /** Parameters that say who connects, not where. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)user|username|password|passwd|pwd");

    private JdbcUrlIdentity() {}

    static String of(String url) {
        String withoutUser = USER_INFO
                .matcher(ORACLE_USER_INFO.matcher(url).replaceFirst("$1@"))
                .replaceFirst("$1");
        int query = withoutUser.indexOf('?');
        String identity = query < 0
                ? withoutParameters(withoutUser, ';')
                : withoutUser.substring(0, query) + parameters(withoutUser.substring(query + 1), '&', "?");
        // Anything left that looks secret (a token parameter, say) is masked, never kept in a key.
        return Redactor.redactText(identity);
    }

    /** SQL Server style: {@code jdbc:sqlserver://db:1433;databaseName=shop;user=u;password=p}. */
    private static String withoutParameters(String url, char separator) {
        int first = url.indexOf(separator);
        if (first < 0) {
            return url;
        }
        return url.substring(0, first) + parameters(url.substring(first + 1), separator, String.valueOf(separator));
    }

    private static String parameters(String text, char separator, String lead) {
        List<String> kept = new ArrayList<>();
        for (String parameter : text.split(Pattern.quote(String.valueOf(separator)))) {
            String name = parameter.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !CREDENTIAL.matcher(name).matches() && !Redactor.isSecretKey(name)) {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? "" : lead + String.join(String.valueOf(separator), kept);
    }
}
