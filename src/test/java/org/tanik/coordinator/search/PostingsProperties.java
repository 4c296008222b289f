package org.tanik.coordinator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A word's postings are a set of positions whichever form they take (sorted array, then bitmap): any
 * sequence of adds and removes leaves what a plain sorted set holds.
 */
class PostingsProperties {

    /** A positive position adds it, a negative one removes its complement (-1 removes 0). */
    @Property(tries = 300)
    void addsAndRemovesLeaveTheSetOfPositions(@ForAll("operations") List<Integer> ops) {
        SearchIndex.Postings postings = new SearchIndex.Postings("söz");
        TreeSet<Integer> reference = new TreeSet<>();
        for (int op : ops) {
            if (op >= 0) {
                postings.add(op);
                reference.add(op);
            } else {
                postings.remove(-op - 1);
                reference.remove(-op - 1);
            }
            assertThat(postings.isEmpty()).isEqualTo(reference.isEmpty());
        }
        BitSet expected = new BitSet();
        reference.forEach(expected::set);
        assertThat(postings.bits()).isEqualTo(expected);
        BitSet union = new BitSet();
        union.set(100_000);
        postings.addTo(union);
        expected.set(100_000);
        assertThat(union).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        // Small ranges make dense postings (the switch to a bitmap), wide ones sparse; removes are rarer.
        Arbitrary<Integer> narrow = Arbitraries.integers().between(-64, 200);
        Arbitrary<Integer> wide = Arbitraries.integers().between(-20_000, 20_000);
        return Arbitraries.oneOf(narrow, wide).list().ofMaxSize(400);
    }
}
