package org.tanik.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeAheadTest {

    @Test
    void foldsTurkishDottedAndDotlessI() {
        assertThat(TypeAhead.fold("İzmir")).isEqualTo(TypeAhead.fold("izmir"));
        assertThat(TypeAhead.fold("IĞDIR")).isEqualTo(TypeAhead.fold("ığdır"));
        assertThat(TypeAhead.fold("Şanlıurfa")).startsWith("şanli");
    }
}
