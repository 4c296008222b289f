package org.tanik.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

class SourcesTest {

    @Test
    void theSyntheticSourceIsTheSameWhateverTheReadSizeAndCarriesItsWatermark() {
        byte[] big = readAll(SyntheticSource.fast(2000).withWatermark("MARK-42"), 65_536);
        byte[] small = readAll(SyntheticSource.fast(2000).withWatermark("MARK-42"), 998);
        assertThat(big).hasSize(64_000).isEqualTo(small);
        String asText = new String(big, StandardCharsets.ISO_8859_1);
        assertThat(asText).startsWith("MARK-42");
        assertThat(asText.indexOf("MARK-42", 1)).isEqualTo(SyntheticSource.WATERMARK_PERIOD);
        assertThat(SyntheticSource.expected(1000, 5000, "MARK-42"))
                .isEqualTo(java.util.Arrays.copyOfRange(big, 1000, 6000));
    }

    @Test
    void theLevelOfTheSyntheticVoiceMovesAndSilenceIsZero() {
        byte[] quiet = SyntheticSource.expected(PcmFormat.RECORDING.offset(1500), 3200, "");
        byte[] loud = SyntheticSource.expected(PcmFormat.RECORDING.offset(500), 3200, "");
        assertThat(Level.peak(quiet, quiet.length)).isBetween(0.1, 0.3);
        assertThat(Level.peak(loud, loud.length)).isGreaterThan(0.7);
        assertThat(Level.peak(new byte[3200], 3200)).isZero();
        assertThat(Level.peak(new byte[] {0, (byte) 0x80}, 2)).isEqualTo(1.0);
    }

    @Test
    void withoutAMicrophoneOpeningSaysSo() {
        if (Microphone.available()) {
            Microphone.open().close();
            return;
        }
        assertThatThrownBy(Microphone::open).isInstanceOfSatisfying(TanikException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.MICROPHONE_MISSING));
    }

    static byte[] readAll(AudioSource source, int bufferSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferSize];
        try (source) {
            int n;
            while ((n = source.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
