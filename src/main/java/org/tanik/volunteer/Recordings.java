package org.tanik.volunteer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tanik.audio.AudioSource;
import org.tanik.audio.Level;
import org.tanik.audio.PcmFormat;
import org.tanik.audio.Wav;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.FieldLimits;
import org.tanik.model.Json;
import org.tanik.model.Marker;
import org.tanik.model.Testimony;
import org.tanik.session.OpenVault;
import org.tanik.store.db.VaultSecrets;
import org.tanik.store.vault.BlobCipher;
import org.tanik.store.vault.BlobStore;
import org.tanik.store.vault.BlobWriter;

/**
 * Recording an interview into a testimony. The sound is captured as 16 kHz mono PCM straight into an
 * unfinished encrypted blob: every full 64 KiB chunk (about two seconds) is sealed and written at
 * once, so no plaintext buffer file exists and a crash loses at most the last chunk. A small sealed
 * record in the vault (testimony, blob, start, markers so far) lets the next unlock find what a crash
 * left ({@link #unfinished()}) and keep it ({@link #recover}) or drop it ({@link #discard}).
 * <p>
 * Stopping copies the PCM into a new finished blob behind a WAV header and adds it to the testimony's
 * draft as an {@code audio/wav} attachment with its markers. A testimony marked ready to send is
 * amended first: the recording goes into a new draft version, as any other change would.
 */
public final class Recordings {

    static final String SECRET_PREFIX = "recording/";
    /** A read of 0.1 s: the level meter moves and a stop answers quickly. */
    private static final int READ_BYTES = (int) (PcmFormat.RECORDING.bytesPerSecond() / 10);
    private static final int CHUNK_BYTES = BlobCipher.CHUNK_BYTES;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final OpenVault vault;
    private final Drafts drafts;
    private final Clock clock;
    /** Recordings running in this session: not "unfinished" even though their blobs are. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    public Recordings(OpenVault vault, Clock clock) {
        this.vault = vault;
        this.drafts = new Drafts(vault);
        this.clock = clock;
    }

    /** What the vault remembers of a recording in progress (sealed, as JSON). */
    record InProgress(String testimonyId, String pcmBlobId, Instant startedAt, List<Marker> markers,
                      String wavBlobId) {
        InProgress {
            markers = List.copyOf(markers == null ? List.of() : markers);
        }

        InProgress with(List<Marker> newMarkers) {
            return new InProgress(testimonyId, pcmBlobId, startedAt, newMarkers, wavBlobId);
        }

        InProgress savingAs(String wavId) {
            return new InProgress(testimonyId, pcmBlobId, startedAt, markers, wavId);
        }
    }

    /**
     * A recording a crash or power loss interrupted, found at unlock.
     *
     * @param id             what {@link #recover} and {@link #discard} take
     * @param recordedMillis how much sound can be kept
     */
    public record Unfinished(String id, String testimonyId, String testimonyTitle, Instant startedAt,
                             long recordedMillis, List<Marker> markers) {
    }

    /**
     * Starts recording {@code source} for the testimony (an id or an unambiguous prefix) on a thread of
     * its own. The source is closed when the recording stops.
     */
    public Recording start(String testimonyId, AudioSource source) {
        Testimony t = drafts.latest(testimonyId);
        String pcmId = UUID.randomUUID().toString();
        BlobWriter writer;
        try {
            writer = blobs().create(pcmId);
            // A stop that cannot finish the blob (a full disk) leaves it for the next unlock to offer.
            writer.keepUnfinishedOnFailure();
        } catch (IOException e) {
            source.close();
            throw new TanikException(Problem.RECORDING_FAILED, e);
        }
        InProgress state = new InProgress(t.id(), pcmId, clock.instant().truncatedTo(ChronoUnit.MILLIS), List.of(),
                null);
        try {
            remember(state);
        } catch (RuntimeException e) {
            abortQuietly(writer);
            source.close();
            throw e;
        }
        live.add(pcmId);
        Recording r = new Recording(state, writer, source);
        r.thread.start();
        return r;
    }

    /** The recordings a crash left, oldest first; recordings running now are not among them. */
    public List<Unfinished> unfinished() {
        List<Unfinished> found = new ArrayList<>();
        for (String name : secrets().names(SECRET_PREFIX)) {
            Optional<InProgress> s = load(name.substring(SECRET_PREFIX.length()));
            if (s.isEmpty() || live.contains(s.get().pcmBlobId())) {
                continue;
            }
            InProgress state = s.get();
            if (state.wavBlobId() != null && attached(state)) {
                // Saved as an attachment just before the crash; only the clean-up was left.
                forget(state);
                continue;
            }
            Optional<Content> pcm = pcm(state);
            if (pcm.isEmpty()) {
                forget(state);
                continue;
            }
            found.add(new Unfinished(state.pcmBlobId(), state.testimonyId(), title(state.testimonyId()),
                    state.startedAt(), PcmFormat.RECORDING.millis(pcm.get().size()), state.markers()));
        }
        found.sort(Comparator.comparing(Unfinished::startedAt));
        return found;
    }

    /**
     * Keeps what a crash left of a recording: the authenticated sound up to the last whole chunk
     * written, as a WAV attachment of its testimony, with its markers (one set after the end of what
     * was kept moves to that end).
     */
    public Attachment recover(String id) {
        InProgress state = load(id).filter(s -> !live.contains(s.pcmBlobId()))
                .orElseThrow(() -> new TanikException(Problem.RECORDING_NOT_FOUND));
        Content pcm = pcm(state).orElseThrow(() -> new TanikException(Problem.RECORDING_NOT_FOUND));
        if (state.wavBlobId() != null) {
            // A copy into WAV that the crash interrupted: start it again.
            deleteQuietly(state.wavBlobId());
        }
        long length = pcm.size() - pcm.size() % PcmFormat.RECORDING.bytesPerFrame();
        return save(state, pcm, length);
    }

    /** Deletes what a crash left of a recording, for good. */
    public void discard(String id) {
        InProgress state = load(id).filter(s -> !live.contains(s.pcmBlobId()))
                .orElseThrow(() -> new TanikException(Problem.RECORDING_NOT_FOUND));
        if (state.wavBlobId() != null) {
            deleteQuietly(state.wavBlobId());
        }
        forget(state);
    }

    /** A recording in progress; its methods may be called from any thread. */
    public final class Recording {

        private final InProgress started;
        private final BlobWriter writer;
        private final AudioSource source;
        private final Thread thread;
        private final List<Marker> markers = new ArrayList<>();
        private final AtomicBoolean markersChanged = new AtomicBoolean();
        private volatile boolean paused;
        private volatile boolean stopping;
        private volatile long written;
        private volatile double level;
        private volatile Exception failure;
        private Attachment result;

        private Recording(InProgress started, BlobWriter writer, AudioSource source) {
            this.started = started;
            this.writer = writer;
            this.source = source;
            this.thread = new Thread(this::capture, "tanik-recorder");
            thread.setDaemon(true);
        }

        public String testimonyId() {
            return started.testimonyId();
        }

        /** Stops recording sound until {@link #resume()}; the microphone stays open. */
        public void pause() {
            paused = true;
        }

        public void resume() {
            paused = false;
        }

        public boolean isPaused() {
            return paused;
        }

        /** False once the source delivers no more sound (a microphone unplugged, a synthetic source ended). */
        public boolean isCapturing() {
            return thread.isAlive();
        }

        /** How much sound is recorded: pauses do not count. */
        public long elapsedMillis() {
            return PcmFormat.RECORDING.millis(written);
        }

        /** The loudness of the last tenth of a second heard (also while paused), 0 to 1. */
        public double level() {
            return level;
        }

        /**
         * Marks this moment of the recording (its audio time, not the clock's). A label beyond
         * {@link FieldLimits#SHORT} characters, or a marker beyond {@link FieldLimits#MARKERS}, is refused
         * here ({@link Problem#FIELD_TOO_LONG}), so that saving the recording never is.
         */
        public Marker mark(String label) {
            if (label.length() > FieldLimits.SHORT) {
                throw new TanikException(Problem.FIELD_TOO_LONG, "marker", String.valueOf(FieldLimits.SHORT));
            }
            Marker m = new Marker(elapsedMillis(), label);
            synchronized (markers) {
                if (markers.size() >= FieldLimits.MARKERS) {
                    throw new TanikException(Problem.FIELD_TOO_LONG, "markers", String.valueOf(FieldLimits.MARKERS));
                }
                markers.add(m);
            }
            if (thread.isAlive()) {
                markersChanged.set(true); // saved by the recording thread, off the caller's
            } else {
                remember(current());
            }
            return m;
        }

        public List<Marker> markers() {
            synchronized (markers) {
                return List.copyOf(markers);
            }
        }

        /**
         * Stops, and adds the recording to the testimony's draft as a WAV attachment with its markers.
         * A second call returns the same attachment. When the sound could not be written, fails with
         * {@link Problem#RECORDING_FAILED}; what was written is then offered at the next unlock.
         */
        public synchronized Attachment stop() {
            if (result != null) {
                return result;
            }
            stopping = true;
            source.close();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TanikException(Problem.RECORDING_FAILED, e);
            }
            if (failure != null) {
                live.remove(started.pcmBlobId());
                throw new TanikException(Problem.RECORDING_FAILED, failure);
            }
            try {
                long length = writer.finish();
                InProgress state = current();
                result = save(state, blobs().open(state.pcmBlobId()), length);
            } catch (IOException e) {
                throw new TanikException(Problem.RECORDING_FAILED, e);
            } finally {
                live.remove(started.pcmBlobId());
            }
            return result;
        }

        private InProgress current() {
            return started.with(markers());
        }

        private void capture() {
            byte[] buffer = new byte[READ_BYTES];
            long syncedChunks = 0;
            try {
                while (!stopping) {
                    int n = source.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    level = Level.peak(buffer, n);
                    if (!paused && n > 0) {
                        writer.write(buffer, 0, n);
                        written += n;
                        // A chunk went to disk: make it reach the platter, so a power loss keeps it too.
                        long chunks = written / CHUNK_BYTES;
                        if (chunks != syncedChunks) {
                            writer.sync();
                            syncedChunks = chunks;
                        }
                    }
                    if (markersChanged.getAndSet(false)) {
                        remember(current());
                    }
                }
                if (markersChanged.getAndSet(false)) {
                    remember(current());
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                java.util.Arrays.fill(buffer, (byte) 0);
                level = 0;
                source.close();
            }
        }
    }

    /** Copies {@code length} bytes of PCM into a new WAV blob, attaches it, and forgets the PCM. */
    private Attachment save(InProgress state, Content pcm, long length) {
        String wavId = UUID.randomUUID().toString();
        remember(state.savingAs(wavId));
        MessageDigest sha = Sha256.digest();
        byte[] buffer = new byte[CHUNK_BYTES];
        try (BlobWriter out = blobs().create(wavId); InputStream in = pcm.open(0)) {
            byte[] header = Wav.header(PcmFormat.RECORDING, length);
            out.write(header);
            sha.update(header);
            for (long left = length; left > 0; ) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (n <= 0) {
                    throw new IOException("the recording is shorter than its length");
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                left -= n;
            }
            out.finish();
        } catch (IOException e) {
            deleteQuietly(wavId);
            throw new TanikException(Problem.RECORDING_FAILED, e);
        } finally {
            java.util.Arrays.fill(buffer, (byte) 0);
        }
        long duration = PcmFormat.RECORDING.millis(length);
        // A marker set after the last chunk a crash kept still says what the interview reached:
        // it stays, at the end of what is kept.
        List<Marker> markers = state.markers().stream()
                .map(m -> m.atMillis() <= duration ? m : new Marker(duration, m.label()))
                .sorted(Comparator.comparingLong(Marker::atMillis)).toList();
        Attachment a = new Attachment(wavId, Sha256.hex(sha), Wav.HEADER_SIZE + length,
                "recording-" + FILE_TIME.format(state.startedAt()) + ".wav", Wav.MEDIA_TYPE, "",
                clock.instant().truncatedTo(ChronoUnit.MILLIS), markers);
        try {
            attach(state.testimonyId(), a);
        } catch (RuntimeException e) {
            deleteQuietly(wavId);
            remember(state);
            throw e;
        }
        forget(state);
        return a;
    }

    /** Adds the attachment to the latest draft, amending a sealed testimony into a new draft first. */
    private void attach(String testimonyId, Attachment a) {
        Testimony t = drafts.latest(testimonyId);
        if (t.isSealed()) {
            t = drafts.amend(testimonyId);
        }
        List<Attachment> list = new ArrayList<>(t.content().attachments());
        list.add(a);
        drafts.saveDraft(t.id(), t.content().withAttachments(list));
    }

    private boolean attached(InProgress state) {
        try {
            return drafts.latest(state.testimonyId()).content().attachment(state.wavBlobId()).isPresent();
        } catch (TanikException e) {
            return false;
        }
    }

    private String title(String testimonyId) {
        try {
            return drafts.latest(testimonyId).content().title();
        } catch (TanikException e) {
            return "";
        }
    }

    /** The PCM written so far: the finished blob after a stop, else the authenticated prefix. */
    private Optional<Content> pcm(InProgress state) {
        try {
            if (blobs().exists(state.pcmBlobId())) {
                return Optional.of(blobs().open(state.pcmBlobId()));
            }
            if (blobs().unfinished().contains(state.pcmBlobId())) {
                return Optional.of(blobs().openPrefix(state.pcmBlobId()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new TanikException(Problem.RECORDING_FAILED, e);
        }
    }

    private void remember(InProgress state) {
        try {
            secrets().put(SECRET_PREFIX + state.pcmBlobId(), Json.mapper().writeValueAsBytes(state));
        } catch (IOException e) {
            throw new TanikException(Problem.RECORDING_FAILED, e);
        }
    }

    private Optional<InProgress> load(String id) {
        if (!BlobStore.isId(id)) {
            return Optional.empty();
        }
        return secrets().get(SECRET_PREFIX + id).map(bytes -> {
            try {
                return Json.mapper().readValue(bytes, InProgress.class);
            } catch (IOException e) {
                throw new TanikException(Problem.RECORDING_FAILED, e);
            }
        });
    }

    /** Deletes the PCM and the sealed record: the recording is saved or discarded. */
    private void forget(InProgress state) {
        deleteQuietly(state.pcmBlobId());
        secrets().remove(SECRET_PREFIX + state.pcmBlobId());
    }

    private void deleteQuietly(String blobId) {
        try {
            blobs().delete(blobId);
        } catch (IOException e) {
            // An encrypted leftover, unreadable without the vault's key; the next discard tries again.
        }
    }

    private static void abortQuietly(BlobWriter writer) {
        try {
            writer.abort();
        } catch (IOException e) {
            // Nothing was written into it yet but its header.
        }
    }

    private BlobStore blobs() {
        return vault.store().blobs();
    }

    private VaultSecrets secrets() {
        return vault.store().secrets();
    }
}
