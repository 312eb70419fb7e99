package io.chainline.runner.report;

import io.chainline.core.redact.Redactor;

/** Text for an HTML page: secrets masked first, then escaped for element content and attribute values. */
final class HtmlText {

    private HtmlText() {}

    /** The text redacted and escaped; null becomes the empty string. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        String redacted = Redactor.redactText(text);
        StringBuilder out = new StringBuilder(redacted.length() + 16);
        for (int i = 0; i < redacted.length(); i++) {
            char c = redacted.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
