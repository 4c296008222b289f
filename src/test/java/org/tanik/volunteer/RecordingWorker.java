package org.tanik.volunteer;

import java.nio.file.Path;
import java.time.Clock;
import org.tanik.audio.SyntheticSource;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.Vaults;

/**
 * Child process for {@link RecordingCrashTest}: records the synthetic voice at real-time pace into a
 * new testimony until it is killed. Protocol on stdout: "TESTIMONY id", "MARKED ms" once a marker is
 * set, then "RECORDED bytes" as the recording grows (bytes handed to the encrypted writer).
 */
public final class RecordingWorker {
    public static void main(String[] args) throws Exception {
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        OpenVault vault = new OpenVault(vaults.create(Path.of(args[0]), args[1].toCharArray()));
        String id = new Drafts(vault).create(TestimonyContent.empty().withTitle("Killed")).id();
        System.out.println("TESTIMONY " + id);
        System.out.flush();
        Recordings.Recording r = new Recordings(vault, Clock.systemUTC()).start(id, SyntheticSource.realTime());
        boolean marked = false;
        while (true) {
            Thread.sleep(50);
            long ms = r.elapsedMillis();
            if (!marked && ms >= 1000) {
                System.out.println("MARKED " + r.mark("witness describes the detention").atMillis());
                marked = true;
            }
            System.out.println("RECORDED " + ms * 32);
            System.out.flush();
        }
    }
}
