package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every column a tabular export writes is documented in export-columns.md (a column is a contract). */
class ExportColumnsDocTest {

    @Test
    void everyColumnIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("src/site/markdown/export-columns.md"));
        int checked = 0;
        for (TableRows rows : TableRows.values()) {
            for (String column : ExportRows.columns(rows)) {
                assertThat(doc).as(column).contains("`" + column + "`");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(doc).contains(StatisticsCsvWriter.LABEL).contains("`=` `+` `-` `@` TAB CR");
    }
}
