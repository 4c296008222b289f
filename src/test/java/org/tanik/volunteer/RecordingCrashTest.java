package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.audio.PcmFormat;
import org.tanik.audio.SyntheticSource;
import org.tanik.audio.Wav;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Sha256;
import org.tanik.model.Attachment;
import org.tanik.model.Marker;
import org.tanik.session.OpenVault;
import org.tanik.store.Vaults;
import org.tanik.store.vault.BlobCipher;

/**
 * A recording killed in the middle (the recorder runs in a child JVM, killed with SIGKILL) reopens
 * with the sound up to the last whole chunk before the kill, and its marker: the next unlock lists
 * it, and keeping it makes a WAV attachment of exactly that sound.
 */
class RecordingCrashTest {

    static final String PASS = "recording crash test passphrase";

    @TempDir
    Path dir;

    @Test
    void aKilledRecordingIsKeptUpToTheKill() throws Exception {
        Path vaultDir = dir.resolve("v");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordingWorker.class.getName(), vaultDir.toString(), PASS)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long[] reported = new long[1];
        Thread reader = new Thread(() -> {
            try {
                for (String l; (l = out.readLine()) != null; ) {
                    lines.add(l);
                    if (l.startsWith("RECORDED ")) {
                        reported[0] = Long.parseLong(l.substring(9));
                    }
                }
            } catch (java.io.IOException e) {
                lines.add("READ-ERROR " + e);
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // About five seconds of sound: two whole chunks (4.1 s) on disk, the third being filled.
        while (reported[0] < 5 * PcmFormat.RECORDING.bytesPerSecond() + 8_000) {
            assertThat(p.isAlive()).as("the recorder is running: %s", lines).isTrue();
            assertThat(System.nanoTime()).as("the recorder recorded nothing: %s", lines).isLessThan(deadline);
            Thread.sleep(20);
        }
        p.toHandle().destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        reader.join();
        long promised;
        synchronized (lines) {
            promised = lines.stream().filter(l -> l.startsWith("RECORDED ")).mapToLong(l -> Long.parseLong(l.substring(9)))
                    .max().orElseThrow();
        }
        String testimonyId = lines.get(0).substring("TESTIMONY ".length());
        assertThat(lines).contains("MARKED 1000");

        try (OpenVault vault = new OpenVault(new Vaults(Argon2Params.TESTING, Clock.systemUTC())
                .open(vaultDir, PASS.toCharArray()))) {
            Recordings recordings = new Recordings(vault, Clock.systemUTC());
            List<Recordings.Unfinished> found = recordings.unfinished();
            assertThat(found).hasSize(1);
            Recordings.Unfinished u = found.get(0);
            assertThat(u.testimonyId()).isEqualTo(testimonyId);
            // Every whole chunk handed to the writer before the last report is there.
            long wholeChunks = promised / BlobCipher.CHUNK_BYTES * BlobCipher.CHUNK_BYTES;
            assertThat(u.recordedMillis()).isGreaterThanOrEqualTo(PcmFormat.RECORDING.millis(wholeChunks));
            assertThat(u.markers()).containsExactly(new Marker(1000, "witness describes the detention"));

            Attachment a = recordings.recover(u.id());
            long pcm = a.size() - Wav.HEADER_SIZE;
            assertThat(pcm % BlobCipher.CHUNK_BYTES).isZero();
            assertThat(pcm).isGreaterThanOrEqualTo(wholeChunks);
            byte[] expected = SyntheticSource.expected(0, (int) pcm, "");
            byte[] wav = RecordingsTest.concat(Wav.header(PcmFormat.RECORDING, pcm), expected);
            assertThat(a.sha256()).isEqualTo(Sha256.hex(wav));
            assertThat(RecordingsTest.readAll(vault.store().blobs().open(a.id()))).isEqualTo(wav);
            assertThat(a.markers()).containsExactly(new Marker(1000, "witness describes the detention"));
            assertThat(new Drafts(vault).latest(testimonyId).content().attachments()).containsExactly(a);
            assertThat(recordings.unfinished()).isEmpty();
            try (var files = Files.list(org.tanik.store.TestCompartments.of(vaultDir, PASS.toCharArray()).resolve("attachments"))) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(a.id() + ".blob");
            }
            System.out.printf("recording-crash: killed after %d bytes reported, %d bytes kept (%d ms)%n",
                    promised, pcm, PcmFormat.RECORDING.millis(pcm));
        }
    }
}
