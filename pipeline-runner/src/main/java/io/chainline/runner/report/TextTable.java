package io.chainline.runner.report;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as left-aligned columns separated by two spaces, the first row being the header. */
public final class TextTable {

    private TextTable() {}

    /** The rows as aligned lines. */
    public static List<String> render(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
