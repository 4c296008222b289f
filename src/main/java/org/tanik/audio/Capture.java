package org.tanik.audio;

/**
 * Where the recorder gets its sound: the microphone, or (for demonstrations and tests on machines
 * without one) the synthetic voice at real-time pace. {@link #fromEnvironment()} picks the synthetic
 * voice only when the system property {@code tanik.audio.source} is {@code synthetic}.
 */
public interface Capture {

    String PROPERTY = "tanik.audio.source";

    /** True when {@link #open()} can be expected to work (a microphone is connected). */
    boolean available();

    /** Starts capturing; fails with {@code MICROPHONE_MISSING} or {@code MICROPHONE_BUSY}. */
    AudioSource open();

    static Capture microphone() {
        return new Capture() {
            @Override
            public boolean available() {
                return Microphone.available();
            }

            @Override
            public AudioSource open() {
                return Microphone.open();
            }
        };
    }

    static Capture synthetic() {
        return new Capture() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public AudioSource open() {
                return SyntheticSource.realTime();
            }
        };
    }

    static Capture fromEnvironment() {
        String chosen = System.getProperty(PROPERTY, System.getenv("TANIK_AUDIO_SOURCE"));
        return "synthetic".equals(chosen) ? synthetic() : microphone();
    }
}
