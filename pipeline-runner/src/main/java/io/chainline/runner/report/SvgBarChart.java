package io.chainline.runner.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * A horizontal bar chart as inline SVG: one labelled bar per value, scaled to the largest. Needs no script, font or
 * network, so the report opens anywhere.
 */
final class SvgBarChart {
    private static final int LABEL_WIDTH = 220;
    private static final int BAR_WIDTH = 420;
    private static final int VALUE_WIDTH = 140;
    private static final int ROW_HEIGHT = 24;

    /**
     * One bar.
     *
     * @param label what the bar stands for
     * @param value its length, in the chart's unit
     */
    record Bar(String label, double value) {
        Bar {
            requireNonNull(label, "label is null");
        }
    }

    private SvgBarChart() {}

    /**
     * The chart as an {@code <svg>} element.
     *
     * @param title what is measured, read by screen readers
     * @param bars the bars, top to bottom
     * @param format how a value is printed next to its bar
     */
    static String render(String title, List<Bar> bars, DoubleFunction<String> format) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
        int height = Math.max(bars.size(), 1) * ROW_HEIGHT + 4;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" width=\"%d\" "
                        + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width,
                height,
                width,
                height,
                HtmlText.of(title)));
        int y = 2;
        for (Bar bar : bars) {
            double length = max <= 0 ? 0 : Math.max(bar.value() / max * BAR_WIDTH, bar.value() > 0 ? 1 : 0);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s</text>",
                    LABEL_WIDTH - 8,
                    y + 16,
                    HtmlText.of(bar.label()),
                    LABEL_WIDTH,
                    y + 3,
                    length,
                    ROW_HEIGHT - 6,
                    LABEL_WIDTH + length + 6,
                    y + 16,
                    HtmlText.of(format.apply(bar.value()))));
            y += ROW_HEIGHT;
        }
        return svg.append("</svg>").toString();
    }
}
