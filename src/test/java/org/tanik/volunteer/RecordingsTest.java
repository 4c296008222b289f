package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.audio.BytesContent;
import org.tanik.audio.CollectingOutput;
import org.tanik.audio.PcmFormat;
import org.tanik.audio.Player;
import org.tanik.audio.ScriptedSource;
import org.tanik.audio.SyntheticSource;
import org.tanik.audio.Wav;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.Marker;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.testing.LeakScanner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/** Recording into a testimony without a microphone: the synthetic voice and a scripted source stand in. */
class RecordingsTest {

    static final int SECOND = (int) PcmFormat.RECORDING.bytesPerSecond();
    static final String WATERMARK = "TANIK-PLAIN-AUDIO-7f3a";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T06:00:00Z"));

    @Test
    void tenSecondsOfTheSyntheticVoiceBecomeAWavAttachmentOfTheRightLengthAndHash() throws Exception {
        try (OpenVault vault = vault()) {
            Testimony t = new Drafts(vault).create(TestimonyContent.empty().withTitle("Interview"));
            Recordings recordings = new Recordings(vault, clock);
            Recordings.Recording r = recordings.start(t.id(), SyntheticSource.fast(10_000));
            waitUntilEnded(r);
            assertThat(r.elapsedMillis()).isEqualTo(10_000);
            Attachment a = r.stop();
            assertThat(r.stop()).as("a second stop changes nothing").isEqualTo(a);

            byte[] pcm = SyntheticSource.expected(0, 10 * SECOND, "");
            byte[] wav = concat(Wav.header(PcmFormat.RECORDING, pcm.length), pcm);
            assertThat(a.size()).isEqualTo(44 + 320_000);
            assertThat(a.sha256()).isEqualTo(Sha256.hex(wav));
            assertThat(a.mediaType()).isEqualTo("audio/wav");
            assertThat(a.fileName()).isEqualTo("recording-20261205-060000.wav");
            assertThat(new Drafts(vault).latest(t.id()).content().attachments()).containsExactly(a);
            assertThat(readAll(vault.store().blobs().open(a.id()))).isEqualTo(wav);
            // Nothing is left of the PCM or of the record of the recording in progress.
            assertThat(recordings.unfinished()).isEmpty();
            assertThat(vault.store().blobs().unfinished()).isEmpty();
            assertThat(vault.store().secrets().names(Recordings.SECRET_PREFIX)).isEmpty();
            assertThat(blobFiles(vault)).hasSize(1);
        }
    }

    @Test
    void markersFallAtAudioTimeAndAPauseLeavesItsSoundOut() throws Exception {
        try (OpenVault vault = vault()) {
            Testimony t = new Drafts(vault).create(TestimonyContent.empty().withTitle("Interview"));
            ScriptedSource source = new ScriptedSource();
            Recordings.Recording r = new Recordings(vault, clock).start(t.id(), source);
            byte[] voice = SyntheticSource.expected(0, 4 * SECOND, "");
            source.feed(Arrays.copyOfRange(voice, 0, SECOND));
            source.awaitConsumed();
            assertThat(r.mark("witness describes the detention")).isEqualTo(new Marker(1000, "witness describes the detention"));
            source.feed(Arrays.copyOfRange(voice, SECOND, 2 * SECOND));
            source.awaitConsumed();
            r.pause();
            // Minutes pass on the clock while paused: neither the sound nor the time counts.
            clock.advance(java.time.Duration.ofMinutes(3));
            source.feed(Arrays.copyOfRange(voice, 2 * SECOND, 3 * SECOND));
            source.awaitConsumed();
            assertThat(r.elapsedMillis()).isEqualTo(2000);
            assertThat(r.level()).as("the meter still shows the microphone hears").isGreaterThan(0);
            r.resume();
            r.mark("release");
            source.feed(Arrays.copyOfRange(voice, 3 * SECOND, 4 * SECOND));
            source.end();
            waitUntilEnded(r);
            Attachment a = r.stop();

            byte[] kept = concat(Arrays.copyOfRange(voice, 0, 2 * SECOND), Arrays.copyOfRange(voice, 3 * SECOND, 4 * SECOND));
            byte[] wav = concat(Wav.header(PcmFormat.RECORDING, kept.length), kept);
            assertThat(a.sha256()).isEqualTo(Sha256.hex(wav));
            assertThat(a.markers()).containsExactly(new Marker(1000, "witness describes the detention"),
                    new Marker(2000, "release"));
            assertThat(new Drafts(vault).latest(t.id()).content().attachment(a.id()).orElseThrow().markers())
                    .isEqualTo(a.markers());

            // Played back from the marker, the sound after the pause follows at once.
            try (Player player = new Player(new BytesContent(wav), new CollectingOutput())) {
                player.seek(a.markers().get(1).atMillis());
                assertThat(player.positionMillis()).isEqualTo(2000);
            }
        }
    }

    @Test
    void aMarkerTooLongToSaveIsRefusedWhenItIsSetNotWhenTheRecordingIsSaved() {
        try (OpenVault vault = vault()) {
            Testimony t = new Drafts(vault).create(TestimonyContent.empty().withTitle("Limits"));
            Recordings.Recording r = new Recordings(vault, clock).start(t.id(), SyntheticSource.fast(500));
            assertThatThrownBy(() -> r.mark("x".repeat(org.tanik.model.FieldLimits.SHORT + 1)))
                    .isInstanceOfSatisfying(TanikException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.FIELD_TOO_LONG));
            r.mark("y".repeat(org.tanik.model.FieldLimits.SHORT));
            waitUntilEnded(r);
            assertThat(r.stop().markers()).hasSize(1);
        }
    }

    @Test
    void aSealedTestimonyIsAmendedAndTheRecordingGoesIntoTheNewDraft() {
        try (OpenVault vault = vault()) {
            Drafts drafts = new Drafts(vault);
            Testimony t = drafts.create(TestimonyContent.empty().withTitle("Sealed"));
            sealAnyway(vault, t.id());
            Recordings.Recording r = new Recordings(vault, clock).start(t.id(), SyntheticSource.fast(1000));
            waitUntilEnded(r);
            Attachment a = r.stop();
            Testimony latest = drafts.latest(t.id());
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.status()).isEqualTo(Status.DRAFT);
            assertThat(latest.content().attachments()).containsExactly(a);
            assertThat(drafts.version(t.id(), 1).content().attachments()).isEmpty();
        }
    }

    @Test
    void aRecordingCutOffWithTheVaultIsOfferedAtTheNextUnlockAndCanBeDiscarded() throws Exception {
        String testimonyId;
        try (OpenVault vault = vault()) {
            testimonyId = new Drafts(vault).create(TestimonyContent.empty().withTitle("Cut off")).id();
            ScriptedSource source = new ScriptedSource();
            Recordings.Recording r = new Recordings(vault, clock).start(testimonyId, source);
            source.feed(SyntheticSource.expected(0, 5 * SECOND, ""));
            source.awaitConsumed();
            r.mark("one");
            source.feed(new byte[2]);
            source.awaitConsumed();
            // The session is dropped without stop(): the vault locks under it.
        }
        try (OpenVault vault = reopen()) {
            Recordings recordings = new Recordings(vault, clock);
            List<Recordings.Unfinished> found = recordings.unfinished();
            assertThat(found).hasSize(1);
            Recordings.Unfinished u = found.get(0);
            assertThat(u.testimonyId()).isEqualTo(testimonyId);
            assertThat(u.testimonyTitle()).isEqualTo("Cut off");
            assertThat(u.startedAt()).isEqualTo(clock.instant());
            // Two whole 64 KiB chunks of the 160,000 bytes reached the disk: 4.096 s.
            assertThat(u.recordedMillis()).isEqualTo(PcmFormat.RECORDING.millis(2 * 65_536));
            assertThat(u.markers()).containsExactly(new Marker(5000, "one"));

            recordings.discard(u.id());
            assertThat(recordings.unfinished()).isEmpty();
            assertThat(blobFiles(vault)).isEmpty();
            assertThatThrownBy(() -> recordings.recover(u.id())).isInstanceOfSatisfying(TanikException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.RECORDING_NOT_FOUND));
            assertThat(new Drafts(vault).latest(testimonyId).content().attachments()).isEmpty();
        }
    }

    @Test
    void noPlaintextSoundReachesTheDisk() throws Exception {
        LeakScanner scanner = LeakScanner.watch(List.of(WATERMARK));
        Attachment a;
        byte[] wav;
        try (OpenVault vault = vault()) {
            Testimony t = new Drafts(vault).create(TestimonyContent.empty().withTitle("Leak"));
            Recordings.Recording r = new Recordings(vault, clock).start(t.id(),
                    SyntheticSource.fast(8_000).withWatermark(WATERMARK));
            waitUntilEnded(r);
            r.mark("end");
            a = r.stop();
            wav = readAll(vault.store().blobs().open(a.id()));
        }
        // The watermark is in the sound itself (16 times), so writing it in plaintext would be found.
        assertThat(count(new String(wav, StandardCharsets.ISO_8859_1), WATERMARK)).isEqualTo(16);
        int[] scanned = new int[1];
        assertThat(scanner.findIn(List.of(dir), scanned)).isEmpty();
        assertThat(scanned[0]).as("files were read while the recording was written").isPositive();
    }

    static void waitUntilEnded(Recordings.Recording r) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (r.isCapturing()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the source did not end");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private void sealAnyway(OpenVault vault, String id) {
        // Sealing may require consent (issue 16): the store's seal marks it ready to send regardless.
        vault.store().testimonies().seal(id);
    }

    private List<Path> blobFiles(OpenVault vault) throws IOException {
        Path attachments = vault.directory().resolve("attachments");
        if (!Files.isDirectory(attachments)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(attachments)) {
            return files.toList();
        }
    }

    static byte[] readAll(Content c) throws IOException {
        try (InputStream in = c.open(0)) {
            return in.readAllBytes();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private OpenVault vault() {
        return new OpenVault(new Organisations(dir, clock).vaults().create(dir.resolve("v"), Organisations.PASS));
    }

    private OpenVault reopen() {
        return new OpenVault(new Organisations(dir, clock).vaults().open(dir.resolve("v"), Organisations.PASS));
    }
}
