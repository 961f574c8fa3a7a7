package org.civitas.bench;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tops the server up to BENCH_CASES cases (the first of the bench classes: A… runs before the others). */
@BenchContext
class LoadBench {

    @Autowired
    DataSource dataSource;

    @Test
    void load() throws Exception {
        Bench.load(dataSource);
    }
}
