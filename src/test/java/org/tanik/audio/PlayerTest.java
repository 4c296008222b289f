package org.tanik.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

class PlayerTest {

    /** Three seconds of the synthetic voice as a WAV file. */
    static final byte[] PCM = SyntheticSource.expected(0, (int) PcmFormat.RECORDING.offset(3000), "");
    static final byte[] WAV = WavTest.concat(Wav.header(PcmFormat.RECORDING, PCM.length), PCM);

    @Test
    void playsFromAMarkerToTheEndAndReportsWhereItIs() throws Exception {
        CollectingOutput output = new CollectingOutput();
        BytesContent content = new BytesContent(WAV);
        try (Player player = new Player(content, output)) {
            assertThat(player.durationMillis()).isEqualTo(3000);
            CountDownLatch ended = new CountDownLatch(1);
            long[] last = new long[1];
            player.setListener((at, playing) -> {
                last[0] = at;
                if (!playing && at == 3000) {
                    ended.countDown();
                }
            });
            player.seek(1250);
            assertThat(player.positionMillis()).isEqualTo(1250);
            assertThat(last[0]).isEqualTo(1250);

            player.play();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(player.isPlaying()).isFalse();
            assertThat(player.positionMillis()).isEqualTo(3000);
            // Exactly the audio from 1.25 s on, read from that offset and not from the start.
            assertThat(output.played()).isEqualTo(Arrays.copyOfRange(PCM, 40_000, PCM.length));
        }
    }

    @Test
    void aSeekBeyondTheEndStopsAtTheEndAndAPlayThereStartsAgain() throws Exception {
        CollectingOutput output = new CollectingOutput();
        try (Player player = new Player(new BytesContent(WAV), output)) {
            player.seek(99_000);
            assertThat(player.positionMillis()).isEqualTo(3000);
            player.seek(-5);
            assertThat(player.positionMillis()).isZero();
            CountDownLatch ended = new CountDownLatch(1);
            player.setListener((at, playing) -> {
                if (!playing && at == 3000) {
                    ended.countDown();
                }
            });
            player.play();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(output.played()).isEqualTo(PCM);
        }
    }

    @Test
    void withoutASoundOutputThePlayerStillSeeks() throws Exception {
        try (Player player = new Player(new BytesContent(WAV), CollectingOutput.none())) {
            assertThat(player.outputAvailable()).isFalse();
            assertThatThrownBy(player::play).isInstanceOfSatisfying(TanikException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.AUDIO_OUTPUT_MISSING));
            player.seek(2000);
            assertThat(player.positionMillis()).isEqualTo(2000);
            assertThat(player.isPlaying()).isFalse();
        }
    }

    @Test
    void thisMachinesOwnOutputSaysWhetherItCanPlay() throws Exception {
        // CI machines have no sound card: then play() must fail with the clear problem, not a crash.
        try (Player player = new Player(new BytesContent(WAV), AudioOutput.system())) {
            if (!player.outputAvailable()) {
                assertThatThrownBy(player::play).isInstanceOfSatisfying(TanikException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUDIO_OUTPUT_MISSING));
            } else {
                player.play();
                player.pause();
                assertThat(player.isPlaying()).isFalse();
            }
        }
    }
}
