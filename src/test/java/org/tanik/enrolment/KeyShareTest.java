package org.tanik.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.Random;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * A share's text: it reads back as the same share; every single changed, dropped or doubled character
 * is refused by its check; shares of two splits are not mixed; and the organisation's keys come back
 * from any threshold of shares and from no fewer.
 */
class KeyShareTest {

    static OrganisationKeys keys(int retired, String name) {
        return new OrganisationKeys(Random.bytes(32), Random.bytes(32), Random.bytes(32 * retired), name);
    }

    @Test
    void everyChangedDroppedOrDoubledCharacterIsRefused() {
        KeyShare share = KeyShare.split(keys(1, "İnsan Hakları Derneği"), 5, 3).get(1);
        String text = share.text();
        KeyShare read = KeyShare.parse(text, "share.txt");
        assertThat(read.share()).isEqualTo(share.share());
        assertThat(read.splitId()).isEqualTo(share.splitId());
        assertThat(read.number()).isEqualTo(2);
        int refused = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            for (char other : new char[] {'0', '7', 'A', 'Z', 'Q'}) {
                if (Character.toUpperCase(other) == c) {
                    continue;
                }
                assertRefused(text.substring(0, i) + other + text.substring(i + 1));
                refused++;
            }
            assertRefused(text.substring(0, i) + text.substring(i + 1));
            assertRefused(text.substring(0, i) + c + text.substring(i));
            refused += 2;
        }
        assertThat(refused).isGreaterThan(5 * 100);
        // Two neighbours swapped, as a hurried typist does.
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) != ' ' && text.charAt(i + 1) != ' ' && text.charAt(i) != text.charAt(i + 1)) {
                assertRefused(text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2));
            }
        }
    }

    private static void assertRefused(String typed) {
        TanikException e = catchThrowableOfType(() -> KeyShare.parse(typed, "share.txt"), TanikException.class);
        assertThat(e).as(typed).isNotNull();
        assertThat(e.problem()).isEqualTo(Problem.SHARE_UNREADABLE);
        assertThat(e.args()).containsExactly("share.txt");
    }

    @Test
    void readsBackInLowerCaseAndWithTheLookAlikes() {
        KeyShare share = KeyShare.split(keys(0, "IHD"), 3, 2).get(0);
        String relaxed = share.text().toLowerCase(java.util.Locale.ROOT).replace('0', 'o').replace('1', 'l')
                .replace(" ", "-");
        assertThat(KeyShare.parse(relaxed, "x").share()).isEqualTo(share.share());
    }

    @Test
    void sharesOfTwoSplitsAreNotMixed() {
        OrganisationKeys k = keys(0, "IHD");
        List<KeyShare> one = KeyShare.split(k, 3, 2);
        List<KeyShare> two = KeyShare.split(k, 3, 2);
        TanikException e = catchThrowableOfType(() -> KeyShare.combine(List.of(one.get(0), two.get(1))),
                TanikException.class);
        assertThat(e.problem()).isEqualTo(Problem.SHARES_FROM_DIFFERENT_SPLITS);
    }

    @Property(tries = 60)
    void anyThresholdRestoresTheKeysAndFewerAreRefused(@ForAll @IntRange(min = 2, max = 10) int n,
                                                       @ForAll @IntRange(min = 2, max = 10) int k,
                                                       @ForAll @IntRange(min = 0, max = 3) int retired) {
        int count = Math.max(n, k);
        int threshold = Math.min(n, k);
        OrganisationKeys keys = keys(retired, "Kuruluş " + count);
        List<KeyShare> shares = new ArrayList<>(KeyShare.split(keys, count, threshold));
        java.util.Collections.shuffle(shares, new java.util.Random(count * 31L + threshold));
        List<KeyShare> enough = new ArrayList<>();
        for (KeyShare s : shares.subList(0, threshold)) {
            enough.add(KeyShare.parse(s.text(), "s"));
        }
        OrganisationKeys back = KeyShare.combine(enough);
        assertThat(back.ageKey()).isEqualTo(keys.ageKey());
        assertThat(back.signingKey()).isEqualTo(keys.signingKey());
        assertThat(back.retiredAgeKeys()).isEqualTo(keys.retiredAgeKeys());
        assertThat(back.name()).isEqualTo(keys.name());
        TanikException e = catchThrowableOfType(() -> KeyShare.combine(shares.subList(0, threshold - 1)),
                TanikException.class);
        assertThat(e.problem()).isEqualTo(Problem.SHARES_TOO_FEW);
    }

    @Test
    void sharesThatCheckButDoNotBelongTogetherRestoreNothing() {
        // Two splits forced to one id (as if a split id were guessed): the tag inside the secret says no.
        List<KeyShare> one = KeyShare.split(keys(0, "IHD"), 3, 2);
        List<KeyShare> two = KeyShare.split(keys(0, "IHD"), 3, 2);
        KeyShare forged = new KeyShare(one.get(0).splitId(), 2, 3, 2, two.get(1).share());
        TanikException e = catchThrowableOfType(() -> KeyShare.combine(List.of(one.get(0), forged)),
                TanikException.class);
        assertThat(e.problem()).isEqualTo(Problem.SHARES_DO_NOT_FIT);
    }
}
