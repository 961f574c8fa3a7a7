package org.civitas.bench;

import java.util.List;
import javax.sql.DataSource;
import org.civitas.cases.lifecycle.CaseService;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the inbox, intake, search and report measures share: the bench's one Spring context, the cases loaded
 * before them, the active districts and the beans most of them use.
 */
@BenchContext
abstract class BenchFixture {

    static final int PAGE = 50;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseService cases;
    @Autowired
    ApplicationContext context;

    static List<String> districts;
    static long maxId;

    @BeforeAll
    static void ready(@Autowired DataSource ds, @Autowired JdbcTemplate jdbc) throws Exception {
        Bench.load(ds);
        districts = jdbc.queryForList("select code from unit where kind = 'DISTRICT' and active order by code",
                String.class);
        maxId = jdbc.queryForObject("select max(id) from case_file", Long.class);
    }
}
