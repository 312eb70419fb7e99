package io.chainline.core.config;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;

import io.chainline.core.error.ConfigException;
import io.chainline.core.redact.Redactor;

/**
 * The application layer, chosen the way {@code ConfigFactory.load()} chooses it: the file, classpath resource or URL
 * that the system property {@code config.file}, {@code config.resource} or {@code config.url} names, which must
 * exist; else {@code application.conf} (or {@code .json}, {@code .properties}) on the classpath, if any. At most one
 * of the three properties may be set.
 *
 * @see <a href="https://github.com/lightbend/config#standard-behavior">Typesafe Config: standard behavior</a>
 */
final class ApplicationLayer {
    static final String FILE = "config.file";
    static final String RESOURCE = "config.resource";
    static final String URL_PROPERTY = "config.url";

    private ApplicationLayer() {}

    static Config load(ClassLoader loader, Map<String, String> systemProperties) {
        ConfigParseOptions options = ConfigParseOptions.defaults().setClassLoader(loader);
        List<String> named = new ArrayList<>();
        for (String property : List.of(FILE, RESOURCE, URL_PROPERTY)) {
            if (systemProperties.containsKey(property)) {
                named.add(property + "='" + Redactor.redactText(systemProperties.get(property)) + "'");
            }
        }
        if (named.isEmpty()) {
            return ConfigFactory.parseResourcesAnySyntax(loader, "application", options);
        }
        if (named.size() > 1) {
            throw new ConfigException("Invalid system properties " + String.join(", ", named)
                    + ": set at most one of -Dconfig.file, -Dconfig.resource and -Dconfig.url");
        }
        ConfigParseOptions required = options.setAllowMissing(false);
        if (systemProperties.containsKey(FILE)) {
            String file = systemProperties.get(FILE);
            if (!new File(file).isFile()) {
                throw new ConfigException(
                        "Invalid value '" + file + "' for system property '" + FILE + "': the file does not exist");
            }
            return parse(FILE, file, () -> ConfigFactory.parseFile(new File(file), required));
        }
        if (systemProperties.containsKey(RESOURCE)) {
            String resource = systemProperties.get(RESOURCE);
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            return parse(RESOURCE, resource, () -> ConfigFactory.parseResources(loader, name, required));
        }
        String url = systemProperties.get(URL_PROPERTY);
        return parse(URL_PROPERTY, url, () -> ConfigFactory.parseURL(toUrl(url), required));
    }

    private static URL toUrl(String url) {
        try {
            return new URI(url).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new ConfigException(
                    "Invalid value '" + Redactor.redactText(url) + "' for system property '" + URL_PROPERTY
                            + "': expected a URL such as file:///etc/chainline.conf (" + e.getMessage() + ")",
                    e);
        }
    }

    private static Config parse(String property, String value, Supplier<Config> parser) {
        try {
            return parser.get();
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(
                    "Invalid value '" + Redactor.redactText(value) + "' for system property '" + property
                            + "': cannot read it: " + Redactor.redactText(e.getMessage()),
                    e);
        }
    }
}
