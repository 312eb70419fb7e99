package com.example.audit;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;

/** A stage of this project's own: counts the distinct orders among generated DataCo rows. */
final class OrderCountStage implements Stage {
    private final long rows;

    OrderCountStage(long rows) {
        this.rows = rows;
    }

    @Override
    public String name() {
        return "order-count";
    }

    @Override
    public StageReport run(StageContext context) {
        Set<String> orders = new HashSet<>();
        Iterator<GeneratedRow> generated = new DataCoGenerator(7).rows(rows);
        long seen = 0;
        while (generated.hasNext()) {
            orders.add(generated.next().get(DataCoColumn.ORDER_ID));
            seen++;
        }
        return StageReport.builder(name()).rowsIn(seen).rowsOut(orders.size()).counter("orders", orders.size()).build();
    }
}
