package org.tanik.crypto;

/**
 * Argon2id cost parameters, stored in the key file so they can be raised later without breaking
 * old vaults. The default aims at about one second on a modest two-core laptop.
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

    /**
     * 128 MiB, 4 passes (issue 19; 2 before). An unlock is usually the process's first derivation, which
     * runs before the JIT has compiled Argon2 (CPU time on the 2-core build machine: about 0.8 s with 2
     * passes, 0.85 s with 3, on JDK 17 and 25 alike); a later unlock in the same process
     * ({@code UnlockTimingBenchmark}, quiet machine) took a median 0.35 to 0.37 s with 2 passes and 0.49 to
     * 0.51 s with 3, at the 0.5 s floor, hence 4. Key files keep the parameters they were made with
     * (see security.md, "Key derivation cost").
     */
    public static final Argon2Params DEFAULT = new Argon2Params(128 * 1024, 4, 1);

    /** Cheap parameters for tests only; never used by the application. */
    public static final Argon2Params TESTING = new Argon2Params(1024, 1, 1);

    /**
     * Upper bounds that a key file may ask for, so a hostile file cannot exhaust memory or time. The
     * memory bound must fit, with the app beside it, in the installed launcher's heap (-Xmx768m in
     * packaging/package.sh; KeyFileLimitsTest checks it): 256 MiB is twice the default.
     */
    public static final int MAX_MEMORY_KIB = 256 * 1024;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    public boolean withinLimits() {
        return memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && parallelism >= 1 && parallelism <= MAX_PARALLELISM;
    }
}
