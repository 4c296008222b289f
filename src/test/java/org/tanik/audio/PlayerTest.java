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

    /**
     * A short recording may end before play() returns: its "playing" news must not come after the
     * end's, or the screen would show Pause on a player that stopped. A race, so tried many times
     * (it was seen once in the full suite on a loaded machine, where the pane kept showing Pause).
     */
    @Test
    void theEndIsTheLastNewsEvenWhenPlayingEndsAtOnce() throws Exception {
        byte[] pcm = SyntheticSource.expected(0, 320, "");
        byte[] wav = WavTest.concat(Wav.header(PcmFormat.RECORDING, pcm.length), pcm);
        for (int round = 0; round < 300; round++) {
            try (Player player = new Player(new BytesContent(wav), new CollectingOutput())) {
                java.util.List<Boolean> news = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                CountDownLatch ended = new CountDownLatch(1);
                player.setListener((at, playing) -> {
                    news.add(playing);
                    if (!playing) {
                        ended.countDown();
                    }
                });
                player.play();
                assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(news).as("round %d", round).endsWith(false).startsWith(true);
            }
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
    void aStereoFileAt44100SeeksToWholeFrames() throws Exception {
        PcmFormat cd = new PcmFormat(44_100, 2);
        byte[] pcm = new byte[(int) cd.bytesPerSecond() * 2];
        new java.util.Random(5).nextBytes(pcm);
        byte[] wav = WavTest.concat(Wav.header(cd, pcm.length), pcm);
        CollectingOutput output = new CollectingOutput();
        try (Player player = new Player(new BytesContent(wav), output)) {
            assertThat(player.format()).isEqualTo(cd);
            assertThat(player.durationMillis()).isEqualTo(2000);
            CountDownLatch ended = new CountDownLatch(1);
            player.setListener((at, playing) -> {
                if (!playing && at == 2000) {
                    ended.countDown();
                }
            });
            player.seek(1001);
            // 1.001 s is frame 44,144: byte 176,576, a whole stereo frame.
            assertThat(player.positionMillis()).isEqualTo(1000);
            player.play();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(output.played()).isEqualTo(Arrays.copyOfRange(pcm, 176_576, pcm.length));
        }
    }

    @Test
    void aDamagedRecordingStopsThePlayerAndSaysSo() throws Exception {
        org.tanik.files.Content cut = new org.tanik.files.Content() {
            @Override
            public long size() {
                return WAV.length;
            }

            @Override
            public java.io.InputStream open(long offset) {
                java.io.InputStream whole = new BytesContent(WAV).open(offset);
                return new java.io.FilterInputStream(whole) {
                    long read = offset;

                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        if (read >= 50_000) {
                            throw new java.io.IOException("chunk 0 does not authenticate");
                        }
                        int n = super.read(b, off, (int) Math.min(len, 50_000 - read));
                        read += Math.max(0, n);
                        return n;
                    }
                };
            }
        };
        CountDownLatch failed = new CountDownLatch(1);
        try (Player player = new Player(cut, new CollectingOutput())) {
            player.setListener(new Player.Listener() {
                @Override
                public void changed(long positionMillis, boolean playing) {
                }

                @Override
                public void failed(Exception failure) {
                    failed.countDown();
                }
            });
            player.play();
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(player.isPlaying()).isFalse();
            assertThat(player.positionMillis()).isLessThan(2000);
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
