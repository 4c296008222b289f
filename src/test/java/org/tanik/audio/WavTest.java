package org.tanik.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

class WavTest {

    @Test
    void theHeaderIsWhatJavaSoundReads() throws Exception {
        byte[] pcm = SyntheticSource.expected(0, 32_000, "");
        byte[] wav = concat(Wav.header(PcmFormat.RECORDING, pcm.length), pcm);
        assertThat(Wav.header(PcmFormat.RECORDING, pcm.length)).hasSize(44);
        AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav));
        AudioFormat f = in.getFormat();
        assertThat(f.getSampleRate()).isEqualTo(16_000f);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);
        assertThat(f.isBigEndian()).isFalse();
        assertThat(in.getFrameLength()).isEqualTo(16_000);
        assertThat(in.readAllBytes()).isEqualTo(pcm);

        Wav.Layout layout = Wav.read(new ByteArrayInputStream(wav), wav.length);
        assertThat(layout).isEqualTo(new Wav.Layout(PcmFormat.RECORDING, 44, pcm.length));
        assertThat(layout.durationMillis()).isEqualTo(1000);
    }

    @Test
    void aWavWrittenByJavaSoundWithStereoAt44100IsRead() throws Exception {
        AudioFormat stereo = new AudioFormat(44_100, 16, 2, true, false);
        byte[] pcm = new byte[44_100 * 4 / 2];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), stereo, pcm.length / 4),
                AudioFileFormat.Type.WAVE, out);
        byte[] wav = out.toByteArray();
        Wav.Layout layout = Wav.read(new ByteArrayInputStream(wav), wav.length);
        assertThat(layout.format()).isEqualTo(new PcmFormat(44_100, 2));
        assertThat(layout.dataLength()).isEqualTo(pcm.length);
        assertThat(layout.durationMillis()).isEqualTo(500);
    }

    @Test
    void otherChunksBeforeTheAudioAreSkippedAndACutFileIsReadAsFarAsItGoes() throws IOException {
        byte[] header = Wav.header(PcmFormat.RECORDING, 1000);
        byte[] list = ByteBuffer.allocate(8 + 5 + 1).order(ByteOrder.LITTLE_ENDIAN).put("LIST".getBytes())
                .putInt(5).put("abcde".getBytes()).put((byte) 0).array();
        // RIFF header and fmt chunk, then an odd-sized LIST chunk (padded), then data.
        byte[] wav = concat(concat(java.util.Arrays.copyOf(header, 36), list),
                java.util.Arrays.copyOfRange(header, 36, 44));
        wav = concat(wav, new byte[301]);
        Wav.Layout layout = Wav.read(new ByteArrayInputStream(wav), wav.length);
        assertThat(layout.dataOffset()).isEqualTo(44 + 14);
        assertThat(layout.dataLength()).as("cut short and rounded to whole frames").isEqualTo(300);
    }

    @Test
    void otherEncodingsAreRefusedClearly() throws Exception {
        AudioFormat eightBit = new AudioFormat(8000, 8, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[800]), eightBit, 800),
                AudioFileFormat.Type.WAVE, out);
        byte[] wav = out.toByteArray();
        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(wav), wav.length))
                .isInstanceOfSatisfying(TanikException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUDIO_UNSUPPORTED));
        byte[] notWav = "%PDF-1.7 and some more bytes".getBytes();
        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(notWav), notWav.length))
                .isInstanceOfSatisfying(TanikException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUDIO_UNSUPPORTED));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
