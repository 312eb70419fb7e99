package io.chainline.core.redact;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;

/**
 * Keeps secrets out of everything Chainline prints, logs or writes as a report. Two rules:
 * <ul>
 *   <li>a value whose key looks secret ({@code password}, {@code secret}, {@code token}, {@code api-key},
 *       {@code credentials}, {@code sasl.jaas.config}, …) is replaced by {@code [hidden]};</li>
 *   <li>inside free text, passwords in URLs ({@code postgresql://user:pw@host}), {@code password=…} style
 *       parameters (JDBC URLs, JAAS configs, query strings) and quoted JSON/HOCON secret fields are masked.</li>
 * </ul>
 */
public final class Redactor {
    /** What replaces a secret value. */
    public static final String HIDDEN = "[hidden]";

    private static final String SECRET_WORDS =
            "password|passwd|pwd|secret|token|api[-_]?key|credentials|sasl\\.jaas\\.config|private[-_]?key|session[-_]?id";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(" + SECRET_WORDS + ").*");
    private static final Pattern URL_USER_INFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@\"']*):[^@\\s/\"']*@");
    /** Oracle's thin URLs carry {@code user/password@} right after the subprotocol, without {@code //}. */
    private static final Pattern ORACLE_USER_INFO =
            Pattern.compile("(jdbc:oracle:[A-Za-z0-9]+:[^/@\\s\"':]+)/[^@\\s\"']*@");

    private static final Pattern KEY_VALUE = Pattern.compile("(?i)([\"']?[\\w.-]*(?:" + SECRET_WORDS
            + ")[\\w.-]*[\"']?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^&;,\\s\"'}]+)");

    private Redactor() {}

    /** Whether a configuration key, header or field name holds a secret. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    /** The text with passwords in URLs and {@code secret=value} pairs masked. */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutUserInfo = ORACLE_USER_INFO
                .matcher(URL_USER_INFO.matcher(text).replaceAll("$1:***@"))
                .replaceAll("$1/***@");
        Matcher matcher = KEY_VALUE.matcher(withoutUserInfo);
        StringBuilder out = new StringBuilder(withoutUserInfo.length());
        while (matcher.find()) {
            String value = matcher.group(2);
            String masked = value.startsWith("\"") ? "\"***\"" : value.startsWith("'") ? "'***'" : "***";
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + masked));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A value of a map or a setting, redacted according to its key. */
    public static String redactValue(String key, String value) {
        return isSecretKey(key) ? HIDDEN : redactText(value);
    }

    /** A copy of the configuration with every secret value hidden and every string redacted. */
    public static Config redact(Config config) {
        Config result = config;
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            String key = entry.getKey();
            ConfigValue value = entry.getValue();
            if (isSecretKey(key)) {
                result = result.withValue(key, ConfigValueFactory.fromAnyRef(HIDDEN, "redacted"));
            } else if (value.valueType() == ConfigValueType.STRING) {
                String text = (String) value.unwrapped();
                String redacted = redactText(text);
                if (!redacted.equals(text)) {
                    result = result.withValue(key, ConfigValueFactory.fromAnyRef(redacted, "redacted"));
                }
            }
        }
        return result;
    }

    /** The configuration rendered as HOCON for logs and {@code --help}-style output, secrets hidden. */
    public static String render(Config config) {
        return redact(config)
                .root()
                .render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
    }

    /** The configuration rendered as JSON, secrets hidden. */
    public static String renderJson(Config config) {
        return redact(config == null ? ConfigFactory.empty() : config)
                .root()
                .render(ConfigRenderOptions.concise().setFormatted(true));
    }
}
